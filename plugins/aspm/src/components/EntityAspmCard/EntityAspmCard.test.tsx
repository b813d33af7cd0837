import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { AspmApi, aspmApiRef } from '../../api';
import {
  catalogEntity,
  fakeAspmApi,
  invoiceRenderer,
  paymentsApi,
} from '../../__testUtils__/fixtures';
import { EntityAspmCard } from './EntityAspmCard';

function render(api: AspmApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[aspmApiRef, api]]}>
      <EntityProvider entity={catalogEntity('payments-api')}>
        <EntityAspmCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityAspmCard', () => {
  it('summarises a healthy entity and links to the security tab', async () => {
    await render(fakeAspmApi({ getEntity: jest.fn(async () => paymentsApi) }));
    expect(
      await screen.findByText('Owned, tiered and exposure known'),
    ).toBeInTheDocument();
    expect(screen.getByText('Tier 1 (business-critical)')).toBeInTheDocument();
    expect(screen.getByText('Internet-facing')).toBeInTheDocument();
    expect(screen.getByText('Owned by a group')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /View security details/ }),
    ).toHaveAttribute('href', expect.stringMatching(/security$/));
  });

  it('highlights the worst finding', async () => {
    await render(
      fakeAspmApi({ getEntity: jest.fn(async () => invoiceRenderer) }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'aspm.io/exposure must be one of "internet", "internal"; got "public"',
    );
    expect(screen.getByText('Untiered')).toBeInTheDocument();
    expect(screen.getByText('Exposure unknown')).toBeInTheDocument();
    expect(screen.getByText('Owner not in catalog')).toBeInTheDocument();
  });
});
