import { ResponseError } from '@backstage/errors';
import { configApiRef } from '@backstage/core-plugin-api';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AspmApi, aspmApiRef } from '../../api';
import {
  demoFindings,
  fakeAspmApi,
  leakedKey,
  log4shell,
  queryFindings,
} from '../../__testUtils__/fixtures';
import { formatDate, formatDateTime } from '../../utils/format';
import { EntityFindings } from './EntityFindings';
import { RecentIngestionsCard } from './RecentIngestionsCard';

const REF = 'component:default/payments-api';

function render(api: AspmApi, element = <EntityFindings entityRef={REF} />) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [aspmApiRef, api],
        [
          configApiRef,
          mockApis.config({
            data: { backend: { baseUrl: 'https://backstage.acme.com' } },
          }),
        ],
      ]}
    >
      {element}
    </TestApiProvider>,
  );
}

/** The body rows of the findings table, as the text of their cells. */
function tableRows(): string[][] {
  const table = within(screen.getByTestId('aspm-findings-table')).getAllByRole(
    'table',
  )[0];
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}

/** Waits until the table shows rows with these titles (first column 2). */
async function expectTitles(titles: string[]) {
  await waitFor(() =>
    expect(tableRows().map(cells => cells[1])).toEqual(titles),
  );
}

async function errorResponse(status: number, message: string) {
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText: 'Error',
    url: 'http://backstage.test/api/aspm/findings',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: { name: 'InputError', message },
        response: { statusCode: status },
      }),
  } as any);
}

describe('EntityFindings', () => {
  it('counts open findings by severity', async () => {
    const api = fakeAspmApi();
    await render(api);

    const critical = await screen.findByRole('button', {
      name: 'Critical: 1 open finding',
    });
    expect(critical).toHaveTextContent('Critical1');
    expect(critical).toHaveAttribute('aria-pressed', 'false');
    expect(
      screen.getByRole('button', { name: 'High: 1 open finding' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Medium: 0 open findings' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Low: 1 open finding' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Info: 0 open findings' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^3 open of 5 in total/)).toBeInTheDocument();
    expect(api.listFindings).toHaveBeenCalledWith({
      entityRef: [REF],
      limit: 1,
      state: ['open'],
      severity: ['critical'],
    });
  });

  it('shows the open findings of the entity, most severe first', async () => {
    const api = fakeAspmApi();
    await render(api);

    await expectTitles([
      'Log4j remote code execution (Log4Shell)CVE-2021-44228',
      'SQL injectionjavascript.lang.security.sql-injection',
      'busybox: out-of-bounds readCVE-2024-0001',
    ]);
    expect(api.listFindings).toHaveBeenCalledWith({
      entityRef: [REF],
      state: ['open'],
      orderBy: 'severity',
      order: 'asc',
      limit: 10,
      offset: 0,
    });

    const [first, second] = tableRows();
    expect(first[0]).toBe('Critical');
    expect(first[2]).toBe('trivy');
    expect(first[3]).toBe('Dependency');
    expect(first[4]).toBe('org.apache.logging.log4j:log4j-core@2.14.1pom.xml');
    expect(first[5]).toMatch(/^\d+\.\d$/);
    expect(first[6]).toBe(formatDate(log4shell.firstSeenAt));
    expect(first[8]).toBe('Open');
    expect(second[4]).toBe('src/db/queries.ts:42');

    const link = screen.getByRole('link', { name: 'Open in trivy (new tab)' });
    expect(link).toHaveAttribute(
      'href',
      'https://avd.aquasec.com/nvd/cve-2021-44228',
    );
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')).toMatch(/noopener/);
  });

  it('filters the table to a severity when its count is clicked', async () => {
    const api = fakeAspmApi();
    await render(api);
    await expectTitles([
      expect.stringContaining('Log4j') as any,
      expect.stringContaining('SQL injection'),
      expect.stringContaining('busybox'),
    ]);

    const high = screen.getByRole('button', { name: 'High: 1 open finding' });
    await userEvent.click(high);

    await expectTitles(['SQL injectionjavascript.lang.security.sql-injection']);
    expect(api.listFindings).toHaveBeenLastCalledWith(
      expect.objectContaining({
        entityRef: [REF],
        severity: ['high'],
        state: ['open'],
        offset: 0,
      }),
    );
    expect(high).toHaveAttribute('aria-pressed', 'true');

    // A second click shows all open findings again.
    await userEvent.click(high);
    await waitFor(() => expect(tableRows()).toHaveLength(3));
    expect(high).toHaveAttribute('aria-pressed', 'false');
    expect(api.listFindings).toHaveBeenLastCalledWith(
      expect.not.objectContaining({ severity: expect.anything() }),
    );
  });

  it('filters by state, and shows the age of a fixed finding up to its fix', async () => {
    const api = fakeAspmApi();
    await render(api);
    await waitFor(() => expect(tableRows()).toHaveLength(3));

    await userEvent.click(screen.getByRole('button', { name: /^State/ }));
    await userEvent.click(screen.getByRole('option', { name: 'Open' }));
    await userEvent.click(screen.getByRole('option', { name: 'Fixed' }));
    await userEvent.keyboard('{Escape}');

    await expectTitles(['AWS access keyaws-access-token']);
    expect(api.listFindings).toHaveBeenLastCalledWith(
      expect.objectContaining({ state: ['fixed'] }),
    );
    const [row] = tableRows();
    expect(row[5]).toBe(
      (10.5).toLocaleString(undefined, { minimumFractionDigits: 1 }),
    );
    expect(row[8]).toBe('Fixed');
  });

  it('filters by category and tool, and resets the filters', async () => {
    const api = fakeAspmApi();
    await render(api);
    await waitFor(() => expect(tableRows()).toHaveLength(3));
    const reset = screen.getByRole('button', { name: 'Reset filters' });
    expect(reset).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: /^Category/ }));
    await userEvent.click(screen.getByRole('option', { name: 'Dependency' }));
    await userEvent.click(screen.getByRole('option', { name: 'Container' }));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(tableRows()).toHaveLength(2));

    await userEvent.type(screen.getByLabelText('Tool'), 'trivy, semgrep');
    await waitFor(() =>
      expect(api.listFindings).toHaveBeenLastCalledWith(
        expect.objectContaining({
          category: ['dependency', 'container'],
          tool: ['trivy', 'semgrep'],
          state: ['open'],
        }),
      ),
    );

    await userEvent.click(reset);
    await waitFor(() => expect(tableRows()).toHaveLength(3));
    expect(screen.getByLabelText('Tool')).toHaveValue('');
    expect(api.listFindings).toHaveBeenLastCalledWith({
      entityRef: [REF],
      state: ['open'],
      orderBy: 'severity',
      order: 'asc',
      limit: 10,
      offset: 0,
    });
  });

  it('sorts on the server when a column header is clicked', async () => {
    const api = fakeAspmApi();
    await render(api);
    await waitFor(() => expect(tableRows()).toHaveLength(3));

    await userEvent.click(screen.getByText('Last seen'));
    await waitFor(() =>
      expect(api.listFindings).toHaveBeenLastCalledWith(
        expect.objectContaining({ orderBy: 'lastSeenAt', order: 'asc' }),
      ),
    );
    await userEvent.click(screen.getByText('Age (days)'));
    await waitFor(() =>
      expect(api.listFindings).toHaveBeenLastCalledWith(
        expect.objectContaining({ orderBy: 'firstSeenAt', order: 'desc' }),
      ),
    );
  });

  it('pages on the server', async () => {
    const many = Array.from({ length: 23 }, (_, i) => ({
      ...log4shell,
      id: 100 + i,
      title: `Finding ${i + 1}`,
    }));
    const api = fakeAspmApi({
      listFindings: jest.fn(async request => queryFindings(many, request)),
    });
    await render(api);
    await waitFor(() => expect(tableRows()).toHaveLength(10));

    await userEvent.click(
      screen.getAllByRole('button', { name: /next page/i })[0],
    );
    await waitFor(() => expect(tableRows()[0][1]).toMatch(/^Finding 11/));
    expect(api.listFindings).toHaveBeenLastCalledWith(
      expect.objectContaining({ limit: 10, offset: 10 }),
    );
    expect(screen.getAllByText(/11-20 of 23/)[0]).toBeInTheDocument();
  });

  it('opens the details of a row with its history, and closes them with Esc', async () => {
    const api = fakeAspmApi({
      listFindings: jest.fn(async request =>
        queryFindings(demoFindings, { ...request, state: undefined }),
      ),
    });
    await render(api);
    await waitFor(() => expect(tableRows()).toHaveLength(5));

    const row = screen.getByText('AWS access key').closest('tr')!;
    await userEvent.click(within(row).getAllByRole('cell')[3]);

    const dialog = await screen.findByRole('dialog', {
      name: 'AWS access key',
    });
    expect(api.getFinding).toHaveBeenCalledWith(leakedKey.id);
    const history = await within(dialog).findByRole('list', {
      name: 'History',
    });
    const events = within(history)
      .getAllByRole('listitem')
      .map(item => item.textContent);
    expect(events).toEqual([
      `Opened: → Open${formatDateTime('2026-02-01T00:00:00.000Z')}`,
      `Severity changed: Medium → High${formatDateTime(
        '2026-02-03T00:00:00.000Z',
      )}`,
      `Fixed: Open → Fixed${formatDateTime('2026-02-05T00:00:00.000Z')}`,
      `Reopened: Fixed → Open${formatDateTime('2026-02-07T00:00:00.000Z')}`,
      `Fixed: Open → Fixed${formatDateTime('2026-02-11T12:00:00.000Z')}`,
    ]);
    expect(within(dialog).getByText('fp-aws-key')).toBeInTheDocument();
    expect(
      within(dialog).getByText('Reopen count').nextSibling,
    ).toHaveTextContent('1');
    expect(within(dialog).getByText('Run key').nextSibling).toHaveTextContent(
      'gitleaks',
    );

    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('shows vulnerability fields, the suppression and the tool message as text', async () => {
    const api = fakeAspmApi({
      listFindings: jest.fn(async request =>
        queryFindings(demoFindings, { ...request, state: undefined }),
      ),
    });
    await render(api);
    await waitFor(() => expect(tableRows()).toHaveLength(5));

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Log4j remote code execution (Log4Shell)',
      }),
    );
    let dialog = await screen.findByRole('dialog', {
      name: 'Log4j remote code execution (Log4Shell)',
    });
    const field = (label: string) =>
      within(dialog).getByText(label).nextSibling?.textContent;
    expect(field('CVEs')).toBe('CVE-2021-44228');
    expect(field('GHSA')).toBe('GHSA-jfh8-c2jp-5v3q');
    expect(field('CWEs')).toBe('CWE-502, CWE-917');
    expect(field('CVSS')).toBe('10.0');
    expect(field('EPSS')).toMatch(/97[.,]5/);
    expect(field('Known exploited')).toBe('Yes');
    expect(field('Fixed version')).toBe('2.17.1');
    expect(field('Manifest')).toBe('pom.xml');
    expect(
      within(dialog).getByRole('link', { name: /Open in trivy/ }),
    ).toHaveAttribute('rel', 'noopener noreferrer');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close details' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'SQL injection' }),
    );
    dialog = await screen.findByRole('dialog', { name: 'SQL injection' });
    expect(field('message')).toBe(
      'User input flows into a SQL query <b>unescaped</b>',
    );
    expect(dialog.querySelector('b')).toBeNull();
    expect(field('help')).toBe('Use parameterised queries.');
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'S3 bucket allows public read' }),
    );
    dialog = await screen.findByRole('dialog', {
      name: 'S3 bucket allows public read',
    });
    expect(field('State')).toBe('False positive');
    expect(field('Suppression justification')).toBe(
      'The bucket hosts public assets on purpose',
    );
  });

  it('explains how to push a scan when the entity has no findings', async () => {
    const api = fakeAspmApi({
      listFindings: jest.fn(async request => queryFindings([], request)),
    });
    await render(api);

    expect(
      await screen.findByText('No findings for this entity yet'),
    ).toBeInTheDocument();
    expect(screen.getByText(/DefectDojo/)).toBeInTheDocument();
    expect(
      screen.getByText(
        'curl -X POST -H "Authorization: Bearer $ASPM_TOKEN" --data-binary @results.sarif "https://backstage.acme.com/api/aspm/ingest?entityRef=component:default/payments-api"',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('aspm-findings-table')).not.toBeInTheDocument();
  });

  it('shows the server message when the findings cannot be loaded', async () => {
    const error = await errorResponse(
      400,
      'Invalid query: entityRef must be an entity ref',
    );
    await render(
      fakeAspmApi({ listFindings: jest.fn(() => Promise.reject(error)) }),
    );
    expect(
      (
        await screen.findAllByText(
          /Invalid query: entityRef must be an entity ref/,
        )
      )[0],
    ).toBeInTheDocument();
  });
});

describe('RecentIngestionsCard', () => {
  it('shows the last ingestions with counts, and errors in red', async () => {
    const api = fakeAspmApi();
    await render(api, <RecentIngestionsCard entityRef={REF} />);

    const table = await screen.findByRole('table', {
      name: 'Recent ingestions',
    });
    expect(api.listIngestions).toHaveBeenCalledWith({
      entityRef: REF,
      limit: 5,
    });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map(row =>
        within(row)
          .getAllByRole('cell')
          .map(cell => cell.textContent),
      );
    expect(rows).toEqual([
      [
        formatDateTime('2026-03-02T08:00:00.000Z'),
        'Push',
        'trivy 0.50.1, semgrep 1.60.0',
        '2 new · 1 fixed · 3 reopened',
      ],
      [
        formatDateTime('2026-03-01T08:00:00.000Z'),
        'Push',
        '—',
        'Failed: Not a SARIF file: runs is missing',
      ],
      [
        formatDateTime('2026-02-28T08:00:00.000Z'),
        'GitHub',
        'CodeQL',
        'Same scan as before: nothing changed',
      ],
    ]);
    expect(
      screen.getByText('Failed: Not a SARIF file: runs is missing').className,
    ).toMatch(/colorError/);
  });

  it('says when nothing was ingested yet', async () => {
    await render(
      fakeAspmApi({
        listIngestions: jest.fn(async () => ({
          items: [],
          totalCount: 0,
          limit: 5,
          offset: 0,
        })),
      }),
      <RecentIngestionsCard entityRef={REF} />,
    );
    expect(
      await screen.findByText('No scan has been ingested for this entity yet.'),
    ).toBeInTheDocument();
  });
});
