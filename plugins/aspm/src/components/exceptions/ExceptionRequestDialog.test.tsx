import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AspmApi, aspmApiRef } from '../../api';
import { daysFromNow } from '../../__testUtils__/exceptionFixtures';
import { fakeAspmApi } from '../../__testUtils__/fixtures';
import { responseError } from '../../__testUtils__/responseError';
import { RequestFormPrefill } from '../../utils/exceptions/requestFormValues';
import { toDateInput } from '../../utils/exceptions/toDateInput';
import { ExceptionRequestDialog } from './ExceptionRequestDialog';

const REF = 'component:default/payments-api';

function render(
  api: AspmApi,
  prefill: RequestFormPrefill = {},
  onCreated = jest.fn(),
) {
  return renderInTestApp(
    <TestApiProvider apis={[[aspmApiRef, api]]}>
      <ExceptionRequestDialog
        entityRef={REF}
        tier="1"
        prefill={prefill}
        onClose={jest.fn()}
        onCreated={onCreated}
      />
    </TestApiProvider>,
  );
}

async function dialog() {
  const d = await screen.findByRole('dialog', {
    name: 'Request an exception',
  });
  // The policy is loaded when its categories are selectable.
  await waitFor(() =>
    expect(
      within(d).getByRole('button', { name: /^Exception category/ }),
    ).not.toHaveAttribute('aria-disabled'),
  );
  return d;
}

/** Picks an option of a select field. */
async function choose(d: HTMLElement, label: RegExp, option: string) {
  await userEvent.click(within(d).getByRole('button', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

/** The helper (or error) text of a field, by its id. */
const helper = (id: string) =>
  document.getElementById(`aspm-exception-request-${id}-helper-text`);

describe('ExceptionRequestDialog', () => {
  it('shows an error under each invalid field and sends nothing', async () => {
    const api = fakeAspmApi();
    await render(api);
    const d = await dialog();
    expect(
      within(d).getByText(/At most 90 days for a Tier 1 entity/),
    ).toBeInTheDocument();

    await userEvent.click(
      within(d).getByRole('button', { name: 'Request exception' }),
    );

    const reason = within(d).getByLabelText(/^Reason/);
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(
      'Say why, in at least 10 characters',
    );
    const rule = within(d).getByLabelText(/^Rule or advisory/);
    expect(rule).toHaveAccessibleDescription('Name the rule id, CVE or GHSA');
    expect(helper('category')).toHaveTextContent('Choose a category');
    expect(helper('category')).toHaveClass('Mui-error');
    // Valid optional fields carry no error.
    expect(within(d).getByLabelText(/^Review date/)).toHaveAttribute(
      'aria-invalid',
      'false',
    );
    expect(api.requestException).not.toHaveBeenCalled();

    // Typing clears the error of that field only.
    await userEvent.type(reason, 'short');
    expect(reason).toHaveAttribute('aria-invalid', 'false');
    expect(rule).toHaveAttribute('aria-invalid', 'true');
  });

  it('checks the compensating control link and the review date', async () => {
    const api = fakeAspmApi();
    await render(api, { findingIds: [1] });
    const d = await dialog();
    await choose(d, /^Exception category/, 'Platform gap');
    await userEvent.type(
      within(d).getByLabelText(/^Reason/),
      'Patched build ships next quarter',
    );
    await userEvent.type(
      within(d).getByLabelText(/^Compensating control/),
      'WAF rule',
    );
    await userEvent.type(
      within(d).getByLabelText(/^Link to the control/),
      'the wiki',
    );
    fireEvent.change(within(d).getByLabelText(/^Requested expiry/), {
      target: { value: toDateInput(daysFromNow(30)) },
    });
    fireEvent.change(within(d).getByLabelText(/^Review date/), {
      target: { value: toDateInput(daysFromNow(40)) },
    });
    await userEvent.click(
      within(d).getByRole('button', { name: 'Request exception' }),
    );

    expect(
      within(d).getByLabelText(/^Link to the control/),
    ).toHaveAccessibleDescription('Must be a URL');
    expect(
      within(d).getByLabelText(/^Review date/),
    ).toHaveAccessibleDescription('Must not be after expiresAt');
    expect(api.requestException).not.toHaveBeenCalled();
  });

  it('requests an exception for a finding with the fields filled in', async () => {
    const api = fakeAspmApi();
    const onCreated = jest.fn();
    await render(api, { findingIds: [1], rule: 'CVE-2021-44228' }, onCreated);
    const d = await dialog();
    expect(
      within(d).getByRole('button', { name: /^Covers/ }),
    ).toHaveTextContent('This finding (#1)');

    await choose(d, /^Exception category/, 'False positive dispute');
    await userEvent.type(
      within(d).getByLabelText(/^Reason/),
      'Only on the build classpath',
    );
    fireEvent.change(within(d).getByLabelText(/^Requested expiry/), {
      target: { value: toDateInput(daysFromNow(60)) },
    });
    await userEvent.type(
      within(d).getByLabelText(/^Compensating control/),
      'Egress blocked',
    );
    await userEvent.type(
      within(d).getByLabelText(/^Link to the control/),
      'https://wiki.acme.com/egress',
    );
    await userEvent.click(
      within(d).getByRole('button', { name: 'Request exception' }),
    );

    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(api.requestException).toHaveBeenCalledWith({
      entityRef: REF,
      scope: { type: 'findings', findingIds: [1] },
      reason: 'Only on the build classpath',
      category: 'false-positive-dispute',
      expiresAt: toDateInput(daysFromNow(60)),
      compensatingControl: {
        text: 'Egress blocked',
        link: 'https://wiki.acme.com/egress',
      },
    });
    expect(onCreated.mock.calls[0][0]).toMatchObject({
      status: 'requested',
      requestedBy: 'user:default/carol',
    });
  });

  it('switches the scope to a rule, prefilled from the finding', async () => {
    const api = fakeAspmApi();
    const onCreated = jest.fn();
    await render(api, { findingIds: [1], rule: 'CVE-2021-44228' }, onCreated);
    const d = await dialog();
    expect(
      within(d).queryByLabelText(/^Rule or advisory/),
    ).not.toBeInTheDocument();

    await choose(d, /^Covers/, 'A rule or advisory (rule id, CVE or GHSA)');
    expect(within(d).getByLabelText(/^Rule or advisory/)).toHaveValue(
      'CVE-2021-44228',
    );
    await choose(d, /^Exception category/, 'Compensated');
    await userEvent.type(
      within(d).getByLabelText(/^Reason/),
      'JNDI lookups are disabled',
    );
    await userEvent.click(
      within(d).getByRole('button', { name: 'Request exception' }),
    );
    await waitFor(() =>
      expect(api.requestException).toHaveBeenCalledWith(
        expect.objectContaining({
          scope: { type: 'rule', rule: 'CVE-2021-44228' },
        }),
      ),
    );
  });

  it('shows the server error, under the field it names', async () => {
    const error = await responseError(
      400,
      'scope.findingIds: 99 is not a finding of component:default/payments-api',
    );
    const api = fakeAspmApi({
      requestException: jest.fn(() => Promise.reject(error)),
    });
    const onCreated = jest.fn();
    await render(api, { findingIds: [99] }, onCreated);
    const d = await dialog();
    await choose(d, /^Exception category/, 'Other');
    await userEvent.type(within(d).getByLabelText(/^Reason/), 'Long enough');
    await userEvent.click(
      within(d).getByRole('button', { name: 'Request exception' }),
    );

    expect(await within(d).findByRole('alert')).toHaveTextContent(
      'scope.findingIds: 99 is not a finding of component:default/payments-api',
    );
    expect(helper('scopeType')).toHaveTextContent(
      '99 is not a finding of component:default/payments-api',
    );
    expect(onCreated).not.toHaveBeenCalled();
  });
});
