// Delivery trust in a real browser, on the demo portal: the Security tab of
// demo services shows the weekly gate outcome trend, the evidence checklist
// of the latest production release, and leaked secrets with their rotation
// deadline; a rotation recorded in the browser reaches the store.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, loadDemoOrg, openPortal } from './lib.mjs';

let portal;

const tabOf = entityRef => {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  return `/catalog/${namespace}/${kind}/${name}/security`;
};

before(async () => {
  await loadDemoOrg();
  portal = await openPortal({ user: 'alice' });
});

after(async () => {
  await portal?.close();
});

describe('delivery trust on the Security tab', () => {
  it('shows the gate outcome trend of a demo service, as a chart and as a table', async () => {
    const entityRef = 'component:default/payments-api';
    const trend = await api(
      `/api/aspm/releases/gate-trend?entityRef=${entityRef}`,
    );
    assert.equal(trend.status, 200, JSON.stringify(trend.body));
    const weeks = trend.body.weeks.filter(
      w => w.firstPass + w.passedAfterRerun + w.blocked > 0,
    );
    assert.ok(weeks.length >= 4, 'the demo gives payments-api gated weeks');

    const { page } = portal;
    await portal.go(tabOf(entityRef));
    const chart = page.getByRole('img', { name: /passed first time/ }).first();
    await chart.waitFor();
    // The chart's text alternative names this entity's numbers.
    const total = weeks.reduce((s, w) => s + w.firstPass, 0);
    const summary = await chart.getAttribute('aria-label');
    assert.match(summary ?? '', new RegExp(`\\b${total}\\b`));

    await page.getByLabel('Show as table').first().check();
    const table = page.getByRole('table', { name: /gate outcomes/i }).first();
    await table.waitFor();
    const rows = await table.getByRole('row').count();
    assert.ok(rows >= weeks.length, `${rows} rows for ${weeks.length} weeks`);
  });

  it('shows the evidence checklist of the latest production release, and what an incomplete one lacks', async () => {
    // Demo services whose latest production release is complete, and
    // some whose latest one lacks evidence, found through the API.
    const list = await api(
      '/api/aspm/releases?environment=production&evidenceComplete=false&limit=500&orderBy=releasedAt&order=desc',
    );
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const latestByEntity = new Map();
    const all = await api(
      '/api/aspm/releases?environment=production&limit=500&orderBy=releasedAt&order=desc',
    );
    for (const r of all.body.items) {
      if (!latestByEntity.has(r.entityRef)) latestByEntity.set(r.entityRef, r);
    }
    const incomplete = [...latestByEntity.values()].find(r =>
      list.body.items.some(i => i.id === r.id),
    );
    const complete = [...latestByEntity.values()].find(
      r => !list.body.items.some(i => i.id === r.id),
    );
    assert.ok(complete, 'some demo service has a complete latest release');
    assert.ok(incomplete, 'some demo service has an incomplete latest release');

    const { page } = portal;
    await portal.go(tabOf(complete.entityRef));
    const checklist = page.getByRole('list', { name: 'Evidence checklist' });
    await checklist.waitFor();
    assert.equal(await checklist.getByRole('listitem').count(), 6);
    assert.equal(
      await checklist.locator('li[data-status="met"]').count(),
      complete.checklist.filter(c => c.status === 'met').length,
    );
    await page.getByText(complete.version, { exact: false }).first().waitFor();

    const detail = await api(`/api/aspm/releases/${incomplete.id}`);
    const bad = detail.body.checklist.find(c => c.status !== 'met');
    await portal.go(tabOf(incomplete.entityRef));
    const items = page.getByRole('list', { name: 'Evidence checklist' });
    await items.waitFor();
    await page
      .getByText(incomplete.version, { exact: false })
      .first()
      .waitFor();
    const item = items.locator(`li[data-item="${bad.item}"]`);
    assert.equal(await item.getAttribute('data-status'), bad.status);
    assert.match(await item.innerText(), new RegExp(bad.status, 'i'));
    if (bad.reason) assert.ok((await item.innerText()).includes(bad.reason));
  });

  it('lists open secrets with their rotation deadline and records a rotation', async () => {
    const open = await api(
      '/api/aspm/secrets?status=pending&status=overdue&limit=100',
    );
    assert.equal(open.status, 200, JSON.stringify(open.body));
    const secret = open.body.items.find(s =>
      s.entityRef.startsWith('component:'),
    );
    assert.ok(secret, 'the demo leaves a secret to rotate on a component');

    const { page } = portal;
    await portal.go(tabOf(secret.entityRef));
    const button = page.getByRole('button', {
      name: `Record rotation of ${secret.title} (#${secret.findingId})`,
    });
    await button.waitFor();
    const row = page.getByRole('row').filter({ has: button });
    // The deadline shown is the API's deadline, as a date in the page's locale.
    const deadline = new Date(secret.deadline).toLocaleDateString('en-GB', {
      dateStyle: 'medium',
    });
    const rowText = await row.innerText();
    assert.ok(
      rowText.includes(deadline) ||
        rowText.includes(secret.deadline.slice(0, 10)),
      `row "${rowText}" shows the deadline ${deadline}`,
    );

    await button.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog
      .getByRole('button', { name: /record/i })
      .last()
      .click();
    await page.getByText(/Rotation of .* recorded/).waitFor();

    const after = await api(
      `/api/aspm/secrets?entityRef=${secret.entityRef}&limit=500`,
    );
    const stored = after.body.items.find(s => s.findingId === secret.findingId);
    assert.ok(stored?.rotatedAt, 'the store has the rotation');
    assert.match(stored.status, /^rotated-/);
  });
});
