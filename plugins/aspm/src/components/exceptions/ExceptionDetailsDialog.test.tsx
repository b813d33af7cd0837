import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AspmApi, aspmApiRef } from '../../api';
import {
  approvedException,
  daysFromNow,
} from '../../__testUtils__/exceptionFixtures';
import { fakeAspmApi } from '../../__testUtils__/fixtures';
import { responseError } from '../../__testUtils__/responseError';
import { toDateInput } from '../../utils/exceptions/toDateInput';
import { formatDate, formatDateTime } from '../../utils/format';
import { ExceptionDetailsDialog } from './ExceptionDetailsDialog';

function render(api: AspmApi, id: number, onChanged = jest.fn()) {
  return renderInTestApp(
    <TestApiProvider apis={[[aspmApiRef, api]]}>
      <ExceptionDetailsDialog
        id={id}
        onClose={jest.fn()}
        onChanged={onChanged}
      />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

async function openDialog(id: number) {
  const dialog = await screen.findByRole('dialog', {
    name: `Exception #${id}`,
  });
  // Wait for the exception itself.
  await within(dialog).findByRole('list', { name: 'Audit trail' });
  return dialog;
}

/** The value next to a label of the field list. */
const field = (dialog: HTMLElement, label: string) =>
  within(dialog).getByText(label, { selector: 'dt' }).nextSibling?.textContent;

describe('ExceptionDetailsDialog', () => {
  it('shows every field, the audit trail in time order and covered findings', async () => {
    const api = fakeAspmApi();
    await render(api, 12);
    const dialog = await openDialog(12);
    expect(api.getException).toHaveBeenCalledWith(12);

    expect(field(dialog, 'Status')).toBe('Approved');
    expect(field(dialog, 'Scope')).toBe('Finding #6');
    expect(field(dialog, 'Category')).toBe('Platform gap');
    expect(field(dialog, 'Source')).toBe('Manual');
    expect(field(dialog, 'Requested by')).toBe('bob');
    expect(field(dialog, 'Decided by')).toBe('carol');
    expect(field(dialog, 'Decision note')).toBe(
      'OK until the patched build ships',
    );
    expect(field(dialog, 'Expires')).toBe(
      `in 12 days (${formatDate(approvedException.expiresAt)})Expiring soon`,
    );
    expect(field(dialog, 'Review date')).toBe(
      formatDate(approvedException.reviewAt),
    );
    expect(field(dialog, 'Compensating control')).toBe(
      'WAF rule blocks prototype pollution payloads (documentation)',
    );
    expect(
      within(dialog).getByRole('link', {
        name: 'Documentation of the compensating control (new tab)',
      }),
    ).toHaveAttribute('href', 'https://wiki.acme.com/waf/123');
    expect(field(dialog, 'Tier')).toBe('Tier 1');
    expect(
      within(dialog).getByText(/^lodash is pinned by the PDF library/),
    ).toBeInTheDocument();

    const trail = within(dialog).getByRole('list', { name: 'Audit trail' });
    expect(
      within(trail)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      `Requested by bob${formatDateTime(
        approvedException.requestedAt,
      )}expiry asked for ${formatDate(daysFromNow(30))}`,
      `Approved by carol${formatDateTime(
        approvedException.decidedAt,
      )}Requested → Approved · expires ${formatDate(
        approvedException.expiresAt,
      )} · review ${formatDate(
        approvedException.reviewAt,
      )}“OK until the patched build ships”`,
    ]);

    const covered = within(dialog).getByRole('list', {
      name: 'Covered findings',
    });
    expect(covered).toHaveTextContent('High #6 Prototype pollution in lodash');
    expect(covered).toHaveTextContent('CVE-2020-8203 · Risk accepted');
  });

  it('offers the actions the server allows, and only those', async () => {
    await render(fakeAspmApi(), 12);
    const approved = await openDialog(12);
    const buttons = () =>
      within(approved)
        .getAllByRole('button')
        .map(b => b.textContent);
    expect(buttons()).toEqual(
      expect.arrayContaining(['Renew', 'Revoke', 'Close']),
    );
    expect(
      within(approved).queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
  });

  it('does not offer approval of your own request', async () => {
    // bob requested #13: he may withdraw (revoke) it, not approve it.
    await render(fakeAspmApi({}, { actor: 'user:default/bob' }), 13);
    const dialog = await openDialog(13);
    expect(
      within(dialog).getByRole('button', { name: 'Revoke' }),
    ).toBeInTheDocument();
    expect(
      within(dialog).queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
    expect(
      within(dialog).queryByRole('button', { name: 'Reject' }),
    ).not.toBeInTheDocument();
  });

  it('approves with an expiry within the tier maximum', async () => {
    const api = fakeAspmApi();
    const onChanged = jest.fn();
    await render(api, 13, onChanged);
    const dialog = await openDialog(13);
    expect(field(dialog, 'Expiry asked for')).toBe(formatDate(daysFromNow(60)));

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    const form = within(dialog).getByRole('form', {
      name: 'Approve exception',
    });
    const expires = within(form).getByLabelText(/^Expiry date/);
    // Prefilled with the expiry asked for.
    expect(expires).toHaveValue(toDateInput(daysFromNow(60)));
    expect(expires).toHaveAccessibleDescription(
      /^At most 90 days for a Tier 1 entity: .+ at the latest\.$/,
    );

    // Beyond the maximum: refused before sending.
    fireEvent.change(expires, {
      target: { value: toDateInput(daysFromNow(120)) },
    });
    await userEvent.click(
      within(form).getByRole('button', { name: 'Approve exception' }),
    );
    expect(expires).toHaveAttribute('aria-invalid', 'true');
    expect(expires).toHaveAccessibleDescription(/^At most 90 days from now/);
    expect(api.decideException).not.toHaveBeenCalled();

    fireEvent.change(expires, {
      target: { value: toDateInput(daysFromNow(80)) },
    });
    await userEvent.type(within(form).getByLabelText(/^Note/), 'Fine for now');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Approve exception' }),
    );

    expect(
      await within(dialog).findByText('Exception #13 is now approved.'),
    ).toBeInTheDocument();
    expect(api.decideException).toHaveBeenCalledWith(13, 'approve', {
      expiresAt: toDateInput(daysFromNow(80)),
      note: 'Fine for now',
    });
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(field(dialog, 'Status')).toBe('Approved');
    expect(field(dialog, 'Decided by')).toBe('carol');
    // The decision covers the Log4Shell finding now.
    expect(
      within(dialog).getByRole('list', { name: 'Covered findings' }),
    ).toHaveTextContent('#1 Log4j remote code execution (Log4Shell)');
    expect(
      within(dialog).queryByRole('form', { name: 'Approve exception' }),
    ).not.toBeInTheDocument();
  });

  it('shows the server refusal, e.g. a 403 for approving your own request', async () => {
    const message =
      'You requested this exception (user:default/carol); someone else must approve it. To withdraw it, revoke it.';
    const error = await responseError(403, message);
    const api = fakeAspmApi({
      decideException: jest.fn(() => Promise.reject(error)),
    });
    const onChanged = jest.fn();
    await render(api, 13, onChanged);
    const dialog = await openDialog(13);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    const form = within(dialog).getByRole('form', {
      name: 'Approve exception',
    });
    await userEvent.click(
      within(form).getByRole('button', { name: 'Approve exception' }),
    );

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(api.decideException).toHaveBeenCalledTimes(1);
    expect(onChanged).not.toHaveBeenCalled();
    expect(field(dialog, 'Status')).toBe('Requested');
  });

  it('shows a validation message of the server under its field', async () => {
    const error = await responseError(
      400,
      'expiresAt: must be at most 90 days from now for a tier 1 entity (latest 2026-05-31)',
    );
    await render(
      fakeAspmApi({ decideException: jest.fn(() => Promise.reject(error)) }),
      13,
    );
    const dialog = await openDialog(13);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve exception' }),
    );
    const expires = within(dialog).getByLabelText(/^Expiry date/);
    await waitFor(() =>
      expect(expires).toHaveAccessibleDescription(
        'must be at most 90 days from now for a tier 1 entity (latest 2026-05-31)',
      ),
    );
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'expiresAt: must be at most 90 days',
    );
  });

  it('requires a note to reject, then rejects', async () => {
    const api = fakeAspmApi();
    await render(api, 13);
    const dialog = await openDialog(13);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );
    const form = within(dialog).getByRole('form', { name: 'Reject exception' });
    const note = within(form).getByLabelText(/^Note/);
    expect(note).toBeRequired();

    await userEvent.click(
      within(form).getByRole('button', { name: 'Reject exception' }),
    );
    expect(note).toHaveAttribute('aria-invalid', 'true');
    expect(note).toHaveAccessibleDescription('Say why');
    expect(api.decideException).not.toHaveBeenCalled();

    await userEvent.type(note, 'Upgrade log4j instead');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Reject exception' }),
    );
    expect(
      await within(dialog).findByText('Exception #13 is now rejected.'),
    ).toBeInTheDocument();
    expect(api.decideException).toHaveBeenCalledWith(13, 'reject', {
      note: 'Upgrade log4j instead',
    });
    // A rejected exception allows nothing more.
    expect(
      within(dialog).queryByRole('button', { name: 'Revoke' }),
    ).not.toBeInTheDocument();
  });

  it('explains a missing exception', async () => {
    await render(fakeAspmApi(), 999);
    const dialog = await screen.findByRole('dialog', {
      name: 'Exception #999',
    });
    expect(
      (await within(dialog).findAllByText(/No exception with id 999/))[0],
    ).toBeInTheDocument();
  });
});
