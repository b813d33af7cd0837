import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AspmApi, aspmApiRef } from '../../api';
import {
  approvedException,
  daysFromNow,
  expiredException,
  requestedException,
} from '../../__testUtils__/exceptionFixtures';
import {
  catalogEntity,
  demoFindings,
  fakeAspmApi,
  queryFindings,
} from '../../__testUtils__/fixtures';
import { responseError } from '../../__testUtils__/responseError';
import { toDateInput } from '../../utils/exceptions/toDateInput';
import { formatDate } from '../../utils/format';
import { EntitySecurityContent } from '../EntitySecurityContent';

const REF = 'component:default/payments-api';

/** The whole Security tab: findings and exceptions work together. */
function render(api: AspmApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[aspmApiRef, api]]}>
      <EntityProvider entity={catalogEntity('payments-api')}>
        <EntitySecurityContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const exceptionsTable = () =>
  screen.findByRole('table', { name: 'Exceptions of payments-api' });

/** The body rows of the exceptions table, as the text of their cells. */
function rows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}

describe('EntityExceptions on the Security tab', () => {
  it('lists the exceptions of the entity with their status, scope and dates', async () => {
    const api = fakeAspmApi();
    await render(api);
    const table = await exceptionsTable();
    expect(api.listExceptions).toHaveBeenCalledWith({
      entityRef: [REF],
      orderBy: 'requestedAt',
      order: 'desc',
      limit: 10,
      offset: 0,
    });

    const [requested, approved, expired] = rows(table);
    expect(requested).toEqual([
      '#13',
      'Requested',
      'Finding #1',
      'False positive dispute',
      `bob${formatDate(requestedException.requestedAt)}`,
      '—',
      'None',
      'None',
      'Manual',
      '0',
    ]);
    expect(approved).toEqual([
      '#12',
      'Approved',
      'Finding #6',
      'Platform gap',
      `bob${formatDate(approvedException.requestedAt)}`,
      `in 12 days (${formatDate(approvedException.expiresAt)})Expiring soon`,
      formatDate(approvedException.reviewAt),
      'WAF rule blocks prototype pollution payloads (documentation)',
      'Manual',
      '1',
    ]);
    expect(expired[1]).toBe('Expired');
    expect(expired[2]).toBe('Rule or advisory CVE-2024-0001');
    expect(expired[5]).toBe(
      `2 days ago (${formatDate(expiredException.expiresAt)})`,
    );
    expect(expired[8]).toBe('DefectDojo');

    // Expiring soon and expired are highlighted, the request is not.
    const tones = [...table.querySelectorAll('[data-tone]')].map(e =>
      e.getAttribute('data-tone'),
    );
    expect(tones).toEqual(['soon', 'expired']);
  });

  it('sorts on the server when a column header is clicked', async () => {
    const api = fakeAspmApi();
    await render(api);
    const table = await exceptionsTable();
    await userEvent.click(
      within(table).getByRole('button', { name: 'Expires' }),
    );
    await waitFor(() =>
      expect(api.listExceptions).toHaveBeenLastCalledWith(
        expect.objectContaining({ orderBy: 'expiresAt', order: 'desc' }),
      ),
    );
    await waitFor(() =>
      expect(rows(table).map(r => r[0])).toEqual(['#12', '#9', '#13']),
    );
    expect(
      within(table).getByRole('columnheader', { name: /Expires/ }),
    ).toHaveAttribute('aria-sort', 'descending');
  });

  it('says that there are none and how to request one', async () => {
    await render(fakeAspmApi({}, { exceptions: [] }));
    const empty = await screen.findByTestId('aspm-exceptions-empty');
    expect(empty).toHaveTextContent('No exceptions for this entity');
    expect(empty).toHaveTextContent(
      'request an exception with the button above, or open the finding and choose “Request exception for this finding”',
    );
    expect(
      screen.getByRole('button', { name: 'Request exception' }),
    ).toBeInTheDocument();
  });

  it('shows the server message when exceptions cannot be loaded', async () => {
    const error = await responseError(403, 'You may not read exceptions');
    await render(
      fakeAspmApi({ listExceptions: jest.fn(() => Promise.reject(error)) }),
    );
    expect(
      (await screen.findAllByText(/You may not read exceptions/))[0],
    ).toBeInTheDocument();
  });

  it('reloads exceptions and findings after a decision: covered findings leave the open backlog', async () => {
    const api = fakeAspmApi();
    await render(api);
    const table = await exceptionsTable();
    expect(
      await screen.findByRole('button', { name: 'Critical: 1 open finding' }),
    ).toBeInTheDocument();
    const findingsCalls = api.listFindings.mock.calls.length;

    await userEvent.click(within(table).getByText('Finding #1'));
    const dialog = await screen.findByRole('dialog', { name: 'Exception #13' });
    await userEvent.click(
      await within(dialog).findByRole('button', { name: 'Approve' }),
    );
    fireEvent.change(within(dialog).getByLabelText(/^Expiry date/), {
      target: { value: toDateInput(daysFromNow(30)) },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve exception' }),
    );
    await within(dialog).findByText('Exception #13 is now approved.');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );

    // The exceptions table and the findings reload.
    await waitFor(() => expect(rows(table)[0][1]).toBe('Approved'));
    expect(rows(table)[0][9]).toBe('1');
    expect(
      await screen.findByRole('button', { name: 'Critical: 0 open findings' }),
    ).toBeInTheDocument();
    expect(api.listFindings.mock.calls.length).toBeGreaterThan(findingsCalls);
    const findings = within(screen.getByTestId('aspm-findings-table'));
    await waitFor(() =>
      expect(findings.queryByText(/Log4Shell/)).not.toBeInTheDocument(),
    );
  });

  it('requests an exception from the tab and shows it, awaiting someone else', async () => {
    const api = fakeAspmApi();
    await render(api);
    await exceptionsTable();
    await userEvent.click(
      screen.getByRole('button', { name: 'Request exception' }),
    );
    const form = await screen.findByRole('dialog', {
      name: 'Request an exception',
    });
    // No finding chosen: the scope starts at a rule.
    expect(
      within(form).getByRole('button', { name: /^Covers/ }),
    ).toHaveTextContent('A rule or advisory');
    await userEvent.type(
      within(form).getByLabelText(/^Rule or advisory/),
      'CVE-2024-0001',
    );
    await waitFor(() =>
      expect(
        within(form).getByRole('button', { name: /^Exception category/ }),
      ).not.toHaveAttribute('aria-disabled'),
    );
    await userEvent.click(
      within(form).getByRole('button', { name: /^Exception category/ }),
    );
    await userEvent.click(screen.getByRole('option', { name: 'Platform gap' }));
    await userEvent.type(
      within(form).getByLabelText(/^Reason/),
      'Base image update is scheduled',
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Request exception' }),
    );

    // The new exception opens; carol requested it, so she may only revoke it.
    const dialog = await screen.findByRole('dialog', {
      name: 'Exception #101',
    });
    expect(
      await within(dialog).findByRole('button', { name: 'Revoke' }),
    ).toBeInTheDocument();
    expect(
      within(dialog).queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('dialog', { name: 'Request an exception' }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    const table = await exceptionsTable();
    await waitFor(() => expect(rows(table)[0][0]).toBe('#101'));
    expect(rows(table)[0][2]).toBe('Rule or advisory CVE-2024-0001');
  });

  it('requests an exception for a finding from its details', async () => {
    const api = fakeAspmApi();
    await render(api);
    await exceptionsTable();
    // The findings table's row (top risks and actions name it too).
    const findings = (
      await screen.findByText(/open of \d+ in total/, {}, { timeout: 5000 })
    ).closest('[class*="MuiCard-root"]') as HTMLElement;
    await userEvent.click(
      await within(findings).findByRole(
        'button',
        { name: 'Log4j remote code execution (Log4Shell)' },
        { timeout: 5000 },
      ),
    );
    const details = await screen.findByRole('dialog', {
      name: 'Log4j remote code execution (Log4Shell)',
    });
    await userEvent.click(
      within(details).getByRole('button', {
        name: 'Request exception for this finding',
      }),
    );

    const form = await screen.findByRole('dialog', {
      name: 'Request an exception',
    });
    expect(
      screen.queryByRole('dialog', {
        name: 'Log4j remote code execution (Log4Shell)',
      }),
    ).not.toBeInTheDocument();
    expect(
      within(form).getByRole('button', { name: /^Covers/ }),
    ).toHaveTextContent('This finding (#1)');
    await waitFor(() =>
      expect(
        within(form).getByRole('button', { name: /^Exception category/ }),
      ).not.toHaveAttribute('aria-disabled'),
    );
    await userEvent.click(
      within(form).getByRole('button', { name: /^Exception category/ }),
    );
    await userEvent.click(screen.getByRole('option', { name: 'Other' }));
    await userEvent.type(
      within(form).getByLabelText(/^Reason/),
      'Not reachable from outside',
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Request exception' }),
    );
    await screen.findByRole('dialog', { name: 'Exception #101' });
    expect(api.requestException).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: REF,
        scope: { type: 'findings', findingIds: [1] },
      }),
    );
  });

  it('shows an accepted finding with its exception, which opens on click', async () => {
    const accepted = {
      ...demoFindings[4],
      state: 'accepted' as const,
      exceptionId: 12,
    };
    const api = fakeAspmApi({
      listFindings: jest.fn(async request =>
        queryFindings([...demoFindings.slice(0, 4), accepted], {
          ...request,
          state: undefined,
        }),
      ),
    });
    await render(api);
    const chip = await screen.findByRole('button', {
      name: 'Accepted (exception #12): open the exception',
    });
    expect(chip).toHaveTextContent('Accepted (exception #12)');
    // Other states stay plain text.
    expect(
      within(screen.getByTestId('aspm-findings-table')).getAllByText('Open'),
    ).toHaveLength(2);

    await userEvent.click(chip);
    const dialog = await screen.findByRole('dialog', { name: 'Exception #12' });
    expect(api.getException).toHaveBeenCalledWith(12);
    // The finding's own dialog did not open.
    expect(
      screen.queryByRole('dialog', { name: 'busybox: out-of-bounds read' }),
    ).not.toBeInTheDocument();
    expect(
      await within(dialog).findByRole('list', { name: 'Audit trail' }),
    ).toBeInTheDocument();
  });
});
