// Exceptions in a real browser, as two demo users: Alice (payments team)
// requests an exception from the Security tab and cannot approve it; Niaj
// (security group, the demo's approvers) approves it, and the covered
// finding leaves the open backlog; revoked, it comes back.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BACKEND, api, loadDemoOrg, openPortal } from './lib.mjs';

const ENTITY = 'component:default/payments-api';
const TAB = '/catalog/default/component/payments-api/security';
const RULE = 'CVE-2024-3094';

let alice;
let niaj;
let exceptionId;

/** A Backstage token of a demo user, as the sign-in page gets it. */
async function tokenOf(user) {
  const res = await fetch(`${BACKEND}/api/auth/aspmDemo/refresh`, {
    headers: { 'x-aspm-demo-user': user },
  });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()).backstageIdentity.token;
}

/** The open critical count the Security tab's severity button shows. */
async function openCriticals(page) {
  const button = page
    .getByRole('button', { name: /^Critical: \d+ open finding/ })
    .first();
  await button.waitFor();
  const name = await button.getAttribute('aria-label');
  return Number(/Critical: (\d+)/.exec(name ?? (await button.innerText()))[1]);
}

/** Open findings of the rule on the entity, through the API. */
async function findingsOfRule() {
  const res = await api(
    `/api/aspm/findings?entityRef=${ENTITY}&limit=100&state=open&state=accepted`,
  );
  return res.body.items.filter(f => f.ruleId === RULE);
}

before(async () => {
  await loadDemoOrg();
  alice = await openPortal({ user: 'alice' });
});

after(async () => {
  await alice?.close();
  await niaj?.close();
});

describe('an exception requested by one user and approved by another', () => {
  it('is requested by Alice from the Security tab, with field validation', async () => {
    const { page } = alice;
    await alice.go(TAB);
    const before = await findingsOfRule();
    assert.ok(before.length >= 1, `no open ${RULE} on ${ENTITY}`);
    assert.ok(before.every(f => f.state === 'open'));

    await page.getByRole('button', { name: 'Request exception' }).click();
    const form = page.getByRole('dialog', { name: 'Request an exception' });
    await form.waitFor();
    // Sent empty: the form names what is missing and sends nothing.
    await form.getByRole('button', { name: 'Request exception' }).click();
    await form
      .getByText(/reason/i)
      .first()
      .waitFor();
    assert.equal(await form.isVisible(), true);

    await form.getByLabel(/^Rule or advisory/).fill(RULE);
    await form.getByRole('button', { name: /^Exception category/ }).click();
    await page.getByRole('option', { name: 'Compensated' }).click();
    await form
      .getByLabel(/^Reason/)
      .fill(
        'The xz backdoor needs sshd linked to liblzma; this image runs no sshd. Rebuild on the next base image.',
      );
    await form
      .getByLabel(/^Compensating control/)
      .fill('No sshd in the container image; egress locked down');
    await alice.shot('exception-request-form');
    await form.getByRole('button', { name: 'Request exception' }).click();

    const details = page.getByRole('dialog', { name: /^Exception #\d+$/ });
    await details.waitFor();
    const title = await details.getByRole('heading', { level: 2 }).innerText();
    exceptionId = Number(/#(\d+)/.exec(title)[1]);
    assert.ok(exceptionId > 0);
    // Alice asked for it: she is told someone else decides, and may only revoke.
    await details
      .getByText(/You requested this exception, so someone else must approve/)
      .waitFor();
    await details.getByRole('button', { name: 'Revoke' }).waitFor();
    assert.equal(
      await details.getByRole('button', { name: 'Approve' }).count(),
      0,
    );
    await alice.shot('exception-requested');
    await details.getByRole('button', { name: 'Close', exact: true }).click();

    const stored = await api(`/api/aspm/exceptions/${exceptionId}`);
    assert.equal(stored.body.status, 'requested');
    assert.equal(stored.body.requestedBy, 'user:default/alice');
    assert.deepEqual(stored.body.scope, { type: 'rule', rule: RULE });
  });

  it('cannot be approved by Alice: 403, and nothing changes', async () => {
    const token = await tokenOf('alice');
    const expiresAt = new Date(Date.now() + 30 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const res = await api(`/api/aspm/exceptions/${exceptionId}/approve`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: JSON.stringify({ expiresAt }),
    });
    assert.equal(res.status, 403);
    assert.match(res.body.error.message, /someone else must approve it/);
    const stored = await api(`/api/aspm/exceptions/${exceptionId}`);
    assert.equal(stored.body.status, 'requested');
    assert.deepEqual(
      stored.body.events.map(e => e.type),
      ['requested'],
    );
    assert.ok((await findingsOfRule()).every(f => f.state === 'open'));
  });

  it('is approved by Niaj: the finding leaves the open backlog', async () => {
    niaj = await openPortal({ user: 'niaj' });
    const { page } = niaj;
    await niaj.go(TAB);
    const criticalsBefore = await openCriticals(page);

    await page
      .getByRole('button', { name: `Open exception #${exceptionId}` })
      .click();
    const details = page.getByRole('dialog', {
      name: `Exception #${exceptionId}`,
    });
    await details.waitFor();
    await details.getByRole('button', { name: 'Approve' }).click();
    const form = details.getByRole('form', { name: 'Approve exception' });
    await form.waitFor();
    const expiry = new Date(Date.now() + 60 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await form.getByLabel(/^Expiry date/).fill(expiry);
    await form.getByLabel(/^Note/).fill('Mitigated: no sshd. Revisit in Q1.');
    await form.getByRole('button', { name: 'Approve exception' }).click();
    await details
      .getByText(`Exception #${exceptionId} is now approved.`)
      .waitFor();
    await niaj.shot('exception-approved');

    const covered = await findingsOfRule();
    assert.ok(covered.length >= 1);
    for (const f of covered) {
      assert.equal(f.state, 'accepted');
      assert.equal(f.exceptionId, exceptionId);
    }
    const stored = await api(`/api/aspm/exceptions/${exceptionId}`);
    assert.equal(stored.body.status, 'approved');
    assert.equal(stored.body.decidedBy, 'user:default/niaj');
    assert.equal(stored.body.coveredFindings, covered.length);

    await details.getByRole('button', { name: 'Close', exact: true }).click();
    await niaj.go(TAB, { reload: true });
    const criticalsAfter = await openCriticals(page);
    assert.equal(
      criticalsAfter,
      criticalsBefore - covered.filter(f => f.severity === 'critical').length,
    );
  });

  it('is revoked by Niaj: the finding is open again and counts again', async () => {
    const { page } = niaj;
    await niaj.go(TAB);
    const criticalsBefore = await openCriticals(page);
    await page
      .getByRole('button', { name: `Open exception #${exceptionId}` })
      .click();
    const details = page.getByRole('dialog', {
      name: `Exception #${exceptionId}`,
    });
    await details.getByRole('button', { name: 'Revoke' }).click();
    const form = details.getByRole('form', { name: 'Revoke exception' });
    await form.getByLabel(/^Note/).fill('The base image was rebuilt early.');
    await form.getByRole('button', { name: 'Revoke exception' }).click();
    await details
      .getByText(`Exception #${exceptionId} is now revoked.`)
      .waitFor();

    const back = await findingsOfRule();
    assert.ok(back.every(f => f.state === 'open' && !f.exceptionId));
    const stored = await api(`/api/aspm/exceptions/${exceptionId}`);
    assert.deepEqual(
      stored.body.events.map(e => e.type),
      ['requested', 'approved', 'revoked'],
    );
    await details.getByRole('button', { name: 'Close', exact: true }).click();
    await niaj.go(TAB, { reload: true });
    assert.equal(
      await openCriticals(page),
      criticalsBefore + back.filter(f => f.severity === 'critical').length,
    );
  });
});

describe('imported exceptions', () => {
  it('show their source in the register: GitHub dismissals and a DefectDojo acceptance', async () => {
    const { page } = alice;
    await alice.go('/aspm/exceptions');
    const table = page.getByRole('table').first();
    await table.waitFor();
    await page.getByText('GitHub', { exact: false }).first().waitFor();
    await page.getByText('DefectDojo', { exact: false }).first().waitFor();
    await alice.shot('exception-register-sources');
  });
});
