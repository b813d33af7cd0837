import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AspmApi, aspmApiRef } from '../../api';
import { daysFromNow } from '../../__testUtils__/exceptionFixtures';
import { fakeAspmApi } from '../../__testUtils__/fixtures';
import {
  PROVENANCE_MISMATCH,
  overdueSecret,
  productionRelease,
  stagingRelease,
} from '../../__testUtils__/releaseFixtures';
import { responseError } from '../../__testUtils__/responseError';
import { formatDate } from '../../utils/format';
import { localDateInput } from '../../utils/secrets/localDateInput';
import { EntityDeliveryContent } from './EntityDeliveryContent';

const REF = 'component:default/payments-api';

function render(api: AspmApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[aspmApiRef, api]]}>
      <EntityDeliveryContent entityRef={REF} />
    </TestApiProvider>,
  );
}

/** The card (InfoCard) with the given title. */
function card(title: string) {
  return screen
    .getAllByText(title)[0]
    .closest('[class*="MuiCard-root"]') as HTMLElement;
}

/** The body rows of a table, as the text of their cells. */
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

const releasesTable = () =>
  screen.findByRole('table', { name: 'Releases of payments-api' });
const secretsTable = () =>
  screen.findByRole('table', { name: 'Secrets of payments-api' });

describe('EntityDeliveryContent', () => {
  it('shows the gate trend of 26 weeks and the recent releases', async () => {
    const api = fakeAspmApi();
    await render(api);
    const table = await releasesTable();
    expect(api.listReleases).toHaveBeenCalledWith({
      entityRef: [REF],
      orderBy: 'releasedAt',
      order: 'desc',
      limit: 5,
      offset: 0,
    });
    expect(
      await screen.findByRole('img', {
        name: /^Gate outcomes of the last 4 weeks: 11 release candidates/,
      }),
    ).toBeInTheDocument();
    expect(api.getGateTrend).toHaveBeenCalledWith({
      entityRef: [REF],
      weeks: 26,
    });

    expect(rows(table)).toEqual([
      [
        formatDate(productionRelease.releasedAt),
        '1.4.2',
        'production',
        'Passed after re-run',
        'No',
        '1 invalid',
        '—',
      ],
      [
        formatDate(stagingRelease.releasedAt),
        '1.4.2',
        'staging',
        'Passed first time',
        'Yes',
        'None required',
        '—',
      ],
      [
        formatDate('2026-02-24T09:00:00.000Z'),
        '1.4.1',
        'production',
        'Blocked',
        'No',
        '4 missing',
        'SCA',
      ],
    ]);
  });

  it('sorts releases on the server', async () => {
    const api = fakeAspmApi();
    await render(api);
    const table = await releasesTable();
    await userEvent.click(
      within(table).getByRole('button', { name: 'Version' }),
    );
    await waitFor(() =>
      expect(api.listReleases).toHaveBeenLastCalledWith(
        expect.objectContaining({ orderBy: 'version', order: 'asc' }),
      ),
    );
    await waitFor(() => expect(rows(table)[0][1]).toBe('1.4.1'));
  });

  it('opens a release with its gate attempts and its checklist', async () => {
    const api = fakeAspmApi();
    await render(api);
    const table = await releasesTable();
    // A click anywhere on the row opens it.
    await userEvent.click(within(table).getAllByText('production')[0]);

    const dialog = await screen.findByRole('dialog', {
      name: 'Release 1.4.2 (production)',
    });
    expect(api.getRelease).toHaveBeenCalledWith(42);
    const gates = within(dialog).getByRole('table', { name: 'Security gates' });
    expect(rows(gates).map(r => r.slice(0, 4))).toEqual([
      ['SAST', '1', 'Pass', '—'],
      ['SCA', '1', 'Fail', 'CVE-2020-8203 in lodash 4.17.15 (high)'],
      ['SCA', '2', 'Pass', 'lodash upgraded to 4.17.21'],
      ['Secrets', '1', 'Pass', '—'],
      ['Signing', '1', 'Warn', 'key expires soon'],
    ]);
    expect(
      dialog.querySelector('li[data-item="provenance"]'),
    ).toHaveTextContent(`Invalid: ${PROVENANCE_MISMATCH}`);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    await userEvent.click(
      within(table).getByRole('button', {
        name: 'Open release 1.4.1 (production)',
      }),
    );
    const blocked = await screen.findByRole('dialog', {
      name: 'Release 1.4.1 (production)',
    });
    expect(api.getRelease).toHaveBeenLastCalledWith(40);
    expect(
      within(blocked).getByRole('table', { name: 'Security gates' }),
    ).toHaveTextContent(
      'CVE-2021-44228 in log4j-core 2.14.1 (critical, known exploited)',
    );
  });

  it('shows the evidence checklist of the latest production release', async () => {
    const api = fakeAspmApi();
    await render(api);
    const checklist = await within(card('Release evidence')).findByTestId(
      'aspm-evidence-checklist',
    );
    expect(api.listReleases).toHaveBeenCalledWith({
      entityRef: [REF],
      environment: ['production'],
      limit: 1,
    });
    expect(
      checklist.querySelector('li[data-item="provenance"]'),
    ).toHaveTextContent(`Invalid: ${PROVENANCE_MISMATCH}`);
  });

  it('says so when there is no production release', async () => {
    await render(fakeAspmApi({}, {}, { releases: [stagingRelease] }));
    expect(
      await within(card('Release evidence')).findByTestId(
        'aspm-evidence-empty',
      ),
    ).toHaveTextContent('No production release posted for this entity yet.');
    // The staging release still counts for the gates.
    expect(await releasesTable()).toBeInTheDocument();
  });

  it('tells the platform team how to post releases, and says when no secret leaked', async () => {
    await render(
      fakeAspmApi(
        {},
        {},
        { releases: [], secrets: [], gateTrend: { weeks: [], blockedBy: {} } },
      ),
    );
    const noReleases = await screen.findByTestId('aspm-releases-empty');
    expect(
      within(noReleases).getByText('No releases posted for this entity yet.'),
    ).toBeInTheDocument();
    expect(noReleases).toHaveTextContent(
      "Post them from CI with POST /api/aspm/releases (see the README's Releases section)",
    );
    expect(
      await screen.findByTestId('aspm-evidence-empty'),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('aspm-secrets-empty')).toHaveTextContent(
      'No leaked secrets found by gitleaks, Trivy or GitHub secret scanning',
    );
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('shows the server message when releases cannot be loaded', async () => {
    const error = await responseError(403, 'You may not read releases');
    await render(
      fakeAspmApi({ listReleases: jest.fn(() => Promise.reject(error)) }),
    );
    expect(
      (await screen.findAllByText(/You may not read releases/))[0],
    ).toBeInTheDocument();
  });

  it('lists the secrets to rotate, most urgent first, and the others on demand', async () => {
    const api = fakeAspmApi();
    await render(api);
    const table = await secretsTable();
    expect(api.listSecrets).toHaveBeenCalledWith({
      entityRef: [REF],
      status: ['pending', 'overdue'],
      limit: 5,
      offset: 0,
    });
    expect(rows(table)).toEqual([
      [
        'AWS access keyaws-access-token · gitleaks',
        formatDate(daysFromNow(-11)),
        'Active',
        'No',
        'No',
        `4 days overduedeadline ${formatDate(daysFromNow(-4))}`,
        'Overdue',
        'Record rotation',
      ],
      [
        'GitHub Personal Access Tokengithub_personal_access_token · github',
        formatDate(daysFromNow(-4)),
        'Unknown',
        'Yes',
        'Yes',
        `due in 3 daysdeadline ${formatDate(daysFromNow(3))}`,
        'Rotation pending',
        'Record rotation',
      ],
    ]);
    const overdue = table.querySelector('[data-tone="overdue"]') as HTMLElement;
    expect(overdue.className).toMatch(/overdue/);
    expect(
      within(table).getByRole('link', { name: 'GitHub Personal Access Token' }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/payments-api/security/secret-scanning/3',
    );

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Include rotated and closed' }),
    );
    await waitFor(() => expect(rows(table)).toHaveLength(4));
    expect(api.listSecrets).toHaveBeenLastCalledWith({
      entityRef: [REF],
      limit: 5,
      offset: 0,
    });
    const [, , late, closed] = rows(table);
    expect(late[5]).toBe(
      `rotated 2 days laterotated ${formatDate(daysFromNow(-21))}`,
    );
    expect(late[6]).toBe('Rotated late');
    expect(late[7]).toBe('');
    expect(closed[5]).toBe('no rotation needed');
    expect(closed[6]).toBe('Closed');
  });

  it('records a rotation and refreshes the table', async () => {
    const api = fakeAspmApi();
    await render(api);
    const table = await secretsTable();
    await userEvent.click(
      within(table).getByRole('button', {
        name: 'Record rotation of AWS access key (#3)',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Record rotation',
    });
    expect(within(dialog).getByLabelText(/^Rotated on/)).toHaveValue(
      localDateInput(Date.now()),
    );
    await userEvent.type(
      within(dialog).getByLabelText(/^Note/),
      'Revoked in IAM, INC-42',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Record rotation' }),
    );

    // Today: the server records the time of the request.
    expect(api.recordSecretRotation).toHaveBeenCalledWith(
      overdueSecret.findingId,
      {
        note: 'Revoked in IAM, INC-42',
      },
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('dialog', { name: 'Record rotation' }),
      ).not.toBeInTheDocument(),
    );
    expect(
      await screen.findByText(
        'Rotation of “AWS access key” recorded: rotated late.',
      ),
    ).toBeInTheDocument();
    // The rotated secret leaves the open work.
    await waitFor(() =>
      expect(rows(table).map(r => r[0])).toEqual([
        'GitHub Personal Access Tokengithub_personal_access_token · github',
      ]),
    );
  });

  it('checks the day before sending, and shows the server refusal in the dialog', async () => {
    const message = `Invalid body: 'rotatedAt': ${localDateInput(
      daysFromNow(-1),
    )} is before the secret was detected`;
    const error = await responseError(
      400,
      message,
      'http://backstage.test/api/aspm/findings/3/rotation',
    );
    const api = fakeAspmApi({
      recordSecretRotation: jest.fn(() => Promise.reject(error)),
    });
    await render(api);
    const table = await secretsTable();
    await userEvent.click(
      within(table).getByRole('button', {
        name: 'Record rotation of AWS access key (#3)',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Record rotation',
    });
    const day = within(dialog).getByLabelText(/^Rotated on/);

    // Before the detection: refused here.
    fireEvent.change(day, {
      target: { value: localDateInput(daysFromNow(-20)) },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Record rotation' }),
    );
    expect(day).toHaveAttribute('aria-invalid', 'true');
    expect(day).toHaveAccessibleDescription(
      /^The secret was detected on .+: it cannot have been rotated before$/,
    );
    expect(api.recordSecretRotation).not.toHaveBeenCalled();

    fireEvent.change(day, {
      target: { value: localDateInput(daysFromNow(-1)) },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Record rotation' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(message);
    expect(api.recordSecretRotation).toHaveBeenCalledWith(3, {
      rotatedAt: expect.any(String),
    });
    // Nothing changed: the dialog stays open.
    expect(
      screen.getByRole('dialog', { name: 'Record rotation' }),
    ).toBeInTheDocument();
  });
});
