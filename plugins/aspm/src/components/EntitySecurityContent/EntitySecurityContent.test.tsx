import { AspmEntity } from '@aspm/plugin-aspm-common';
import { ResponseError } from '@backstage/errors';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { AspmApi, aspmApiRef } from '../../api';
import {
  catalogEntity,
  fakeAspmApi,
  invoiceRenderer,
  paymentsApi,
} from '../../__testUtils__/fixtures';
import { EntitySecurityContent } from './EntitySecurityContent';

function render(api: AspmApi, name = 'payments-api', kind = 'Component') {
  return renderInTestApp(
    <TestApiProvider apis={[[aspmApiRef, api]]}>
      <EntityProvider entity={catalogEntity(name, kind)}>
        <EntitySecurityContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function withEntity(entity: AspmEntity) {
  return fakeAspmApi({ getEntity: jest.fn(async () => entity) });
}

async function notFound(): Promise<ResponseError> {
  return ResponseError.fromResponse({
    ok: false,
    status: 404,
    statusText: 'Not Found',
    url: 'http://backstage.test/api/aspm/entities/component/default/brand-new',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: {
          name: 'NotFoundError',
          message: 'No entity component:default/brand-new in the ASPM store',
        },
        response: { statusCode: 404 },
      }),
  } as any);
}

/** The card (InfoCard) with the given title. */
function card(title: string) {
  return screen
    .getAllByText(title)[0]
    .closest('[class*="MuiCard-root"]') as HTMLElement;
}

describe('EntitySecurityContent', () => {
  it('shows criticality, ownership and repository of a complete entity', async () => {
    const api = withEntity(paymentsApi);
    await render(api);

    expect(
      await screen.findByText('Tier 1 (business-critical)'),
    ).toBeInTheDocument();
    expect(api.getEntity).toHaveBeenCalledWith(
      'component:default/payments-api',
    );
    expect(screen.getByText('Internet-facing')).toBeInTheDocument();

    const ownership = within(card('Ownership'));
    expect(ownership.getByText('Owned by a group')).toBeInTheDocument();
    expect(
      ownership.getByText('owned by the Group group:default/team-ledger'),
    ).toBeInTheDocument();
    expect(
      ownership.getByRole('link', { name: 'group:default/team-ledger' }),
    ).toHaveAttribute('href', '/catalog/default/group/team-ledger');
    expect(
      ownership.getByRole('link', { name: 'payments-bu' }),
    ).toHaveAttribute('href', '/catalog/default/group/payments-bu');

    expect(
      screen.getByRole('link', { name: /^acme\/payments-api/ }),
    ).toHaveAttribute('href', 'https://github.com/acme/payments-api');

    // Nothing to fix: no guidance.
    expect(screen.queryByText(/catalog-info\.yaml/)).not.toBeInTheDocument();
  });

  it('shows the findings and recent ingestions of the entity below the cards', async () => {
    const api = withEntity(paymentsApi);
    await render(api);

    expect(
      await screen.findByRole('button', { name: 'Critical: 1 open finding' }),
    ).toBeInTheDocument();
    expect(api.listFindings).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: ['component:default/payments-api'],
        state: ['open'],
      }),
    );
    expect(
      await screen.findByRole('table', { name: 'Recent ingestions' }),
    ).toBeInTheDocument();
    expect(api.listIngestions).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      limit: 5,
    });
  });

  it('shows the security gates, release evidence and secret rotation of a component', async () => {
    const api = withEntity(paymentsApi);
    await render(api);
    expect(
      await screen.findByRole('table', { name: 'Releases of payments-api' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Secrets of payments-api' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByTestId('aspm-evidence-checklist'),
    ).toBeInTheDocument();
    // Below the findings and the exceptions.
    const titles = screen
      .getAllByText(
        /^(Findings|Exceptions|Security gates|Release evidence|Secret rotation)$/,
        { selector: '[class*="MuiCardHeader-title"]' },
      )
      .map(e => e.textContent);
    expect(titles).toEqual([
      'Findings',
      'Exceptions',
      'Security gates',
      'Release evidence',
      'Secret rotation',
    ]);
    expect(api.listReleases).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: ['component:default/payments-api'],
      }),
    );
  });

  it('shows the YAML to add when the tier is missing', async () => {
    await render(withEntity({ ...paymentsApi, tier: undefined }));

    const guidance = await screen.findByTestId('aspm-guidance-tier');
    expect(
      within(card('Deployment criticality')).getAllByText('Untiered')[0],
    ).toBeInTheDocument();
    expect(guidance).toHaveTextContent(/^Untiered: without a tier/);
    expect(guidance.querySelector('pre')?.textContent).toBe(
      [
        'metadata:',
        '  annotations:',
        '    aspm.io/tier: "1"   # 1 = business-critical, 2, 3',
      ].join('\n'),
    );
    expect(
      screen.queryByTestId('aspm-guidance-exposure'),
    ).not.toBeInTheDocument();
  });

  it('shows the problem of an invalid tier as an error, with the fix', async () => {
    const message =
      'aspm.io/tier must be one of "1", "2", "3" (1 = business-critical); got "gold"';
    await render(
      withEntity({
        ...paymentsApi,
        tier: undefined,
        annotationProblems: [
          { annotation: 'aspm.io/tier', value: 'gold', message },
        ],
      }),
    );

    const guidance = await screen.findByTestId('aspm-guidance-tier');
    const alert = within(guidance).getByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(alert.className).toMatch(/standardError/);
    expect(guidance).toHaveTextContent(
      /Fix this in the entity's catalog-info.yaml/,
    );
  });

  it('guides on a dangling owner, an invalid exposure and a missing repository', async () => {
    await render(withEntity(invoiceRenderer), 'invoice-renderer');

    expect(await screen.findByText('Owner not in catalog')).toBeInTheDocument();
    // A dangling owner is not linked.
    expect(
      screen.queryByRole('link', { name: 'group:default/team-billing' }),
    ).not.toBeInTheDocument();
    expect(screen.getByTestId('aspm-guidance-owner')).toHaveTextContent(
      'spec.owner points at group:default/team-billing, which is not in the catalog',
    );
    expect(screen.getByTestId('aspm-guidance-owner').textContent).toContain(
      'owner: "group:default/your-team"',
    );
    expect(screen.getByTestId('aspm-guidance-exposure')).toHaveTextContent(
      'aspm.io/exposure must be one of "internet", "internal"; got "public"',
    );
    expect(
      screen.getByTestId('aspm-guidance-repository').textContent,
    ).toContain('github.com/project-slug: "your-org/your-repo"');
    expect(within(card('Repository')).getByText('Missing')).toBeInTheDocument();
  });

  it('shows problems of other annotations', async () => {
    const message =
      'defectdojo.org/product-id must be a numeric DefectDojo product id; got "abc"';
    await render(
      withEntity({
        ...paymentsApi,
        annotationProblems: [
          { annotation: 'defectdojo.org/product-id', value: 'abc', message },
        ],
      }),
    );
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.getByText('Other annotation problems')).toBeInTheDocument();
  });

  it('works for Systems', async () => {
    const api = withEntity({
      ...paymentsApi,
      kind: 'system',
      entityRef: 'system:default/payments',
    });
    await render(api, 'payments', 'System');
    expect(
      await screen.findByText('Deployment criticality'),
    ).toBeInTheDocument();
    expect(api.getEntity).toHaveBeenCalledWith('system:default/payments');
    // Systems ship no releases of their own.
    expect(screen.queryByText('Security gates')).not.toBeInTheDocument();
    expect(api.listReleases).not.toHaveBeenCalled();
    expect(api.listSecrets).not.toHaveBeenCalled();
  });

  it('explains that the store has not seen the entity yet on a 404', async () => {
    const error = await notFound();
    await render(
      fakeAspmApi({ getEntity: jest.fn(() => Promise.reject(error)) }),
      'brand-new',
    );
    expect(
      await screen.findByText('The ASPM store has not seen this entity yet'),
    ).toBeInTheDocument();
    expect(screen.getByText('POST /api/aspm/catalog-sync')).toBeInTheDocument();
  });

  it('shows other errors', async () => {
    await render(
      fakeAspmApi({
        getEntity: jest.fn(() => Promise.reject(new Error('Network is down'))),
      }),
    );
    expect(
      (await screen.findAllByText(/Network is down/))[0],
    ).toBeInTheDocument();
  });
});
