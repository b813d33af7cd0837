// Team scorecards in a real browser, on the demo portal (a year of demo
// history): a tier-1 internet-facing service's Security tab shows each of
// its nine sections with data, its aging critical first among the top
// risks and its SLA deadline among the next 30 days' actions; its team's
// Security tab lists it in the per-service table. Numbers on the pages are
// compared with the HTTP API's.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, loadDemoOrg, openPortal } from './lib.mjs';

const SERVICE = 'component:default/payments-api';
const TEAM = 'group:default/team-checkout';

let portal;
let card;
let team;

const timed = async path => {
  const start = Date.now();
  const res = await api(path);
  console.log(`${path}: ${res.status} in ${Date.now() - start} ms`);
  return res;
};

/** The InfoCard titled `title` on the page. */
const cardOf = (page, title) =>
  page
    .locator('[class*="MuiCard-root"]')
    .filter({
      has: page.locator('.MuiCardHeader-title', { hasText: title }),
    })
    .first();

before(async () => {
  await loadDemoOrg();
  portal = await openPortal({ user: 'alice' });
});

after(async () => {
  await portal?.close();
});

describe('the scorecards of the demo org', () => {
  it('ranks the aging critical of a tier-1 internet-facing service first, with its SLA deadline among the actions', async () => {
    const res = await timed(`/api/aspm/scorecard/entity?entityRef=${SERVICE}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    card = res.body;
    assert.equal(card.identity.tier, '1');
    assert.equal(card.identity.exposure, 'internet');
    const top = card.topRisks.items[0];
    assert.equal(top.severity, 'critical');
    assert.equal(top.overdue, true, 'the aging critical is past its SLA');
    // It is the service's oldest open critical, as GET /findings lists them.
    const oldest = await api(
      `/api/aspm/findings?entityRef=${SERVICE}&severity=critical&state=open&orderBy=firstSeenAt&order=asc&limit=1`,
    );
    assert.equal(oldest.body.items[0].id, top.id);
    assert.ok(top.ageDays > 30, `aging: ${top.ageDays} days`);
    // No open finding weighs more.
    const heaviest = Math.max(...card.topRisks.items.map(r => r.weight));
    assert.equal(top.weight, heaviest);
    // Its SLA deadline is among the next 30 days' actions, as /actions says.
    const action = card.actions.items.find(
      a => a.kind === 'finding-sla' && a.target.id === String(top.id),
    );
    assert.ok(action, 'its SLA action is listed');
    assert.equal(action.dueAt, top.dueAt);
    const actions = await api(`/api/aspm/actions?scope=${SERVICE}`);
    assert.deepEqual(
      actions.body.actions.map(a => [a.kind, a.target.id]),
      card.actions.items.map(a => [a.kind, a.target.id]),
    );
    // Metrics: what GET /metrics answers for the service.
    const metrics = await api(`/api/aspm/metrics?scope=${SERVICE}`);
    assert.deepEqual(
      card.metrics.map(m => [m.id, m.value]),
      metrics.body.metrics.map(m => [m.id, m.value]),
    );
  });

  it('shows each section of the service`s Security tab with data, and the lists behind its numbers', async () => {
    const { page } = portal;
    await portal.go('/catalog/default/component/payments-api/security');
    const risks = cardOf(page, 'Current top risks');
    await risks.waitFor();
    const top = card.topRisks.items[0];
    const firstRow = risks.getByRole('row').nth(1);
    await firstRow.getByText(top.title).waitFor();
    assert.match(await firstRow.innerText(), /days overdue/);
    assert.match(await firstRow.innerText(), new RegExp(`\\b${top.weight}\\b`));

    // 1 and 2: owner and unit; tier and exposure with the weight.
    const ownership = cardOf(page, 'Ownership');
    assert.match(await ownership.innerText(), /team-checkout/);
    assert.match(await ownership.innerText(), /payments-bu/);
    assert.match(
      await page.getByTestId('aspm-risk-multiplier').innerText(),
      new RegExp(`× ${card.criticality.multiplier}\\b`),
    );
    // 4: exception counts.
    const summary = page.getByTestId('aspm-exceptions-summary');
    assert.match(
      await summary.innerText(),
      new RegExp(`${card.exceptions.active} active`),
    );
    // 5: the gate trend chart.
    await page
      .getByRole('img', { name: /passed first time/ })
      .first()
      .waitFor();
    // 6: aging, the numbers of the API.
    const aging = page.getByTestId('aspm-aging-summary');
    assert.match(
      await aging.innerText(),
      new RegExp(
        `Open: ${card.aging.open.critical.length} critical, ${card.aging.open.high.length} high\\. Past their SLA: ${card.aging.pastSla.critical.length} critical`,
      ),
    );
    await page
      .getByRole('img', { name: /Open critical and high findings by age/ })
      .waitFor();
    // 7: controls, one row each.
    assert.equal(
      await cardOf(page, 'Control adoption')
        .locator('[data-testid^="aspm-control-"]')
        .count(),
      card.controls.length,
    );
    // 8: the eleven metrics.
    assert.equal(
      await page.locator('[data-testid^="aspm-metric-"]').count(),
      card.metrics.length,
    );
    // 9: the next 30 days, the aging critical's deadline first.
    const next = cardOf(page, 'Next 30 days');
    const firstAction = next.getByRole('row').nth(1);
    await firstAction.waitFor();
    assert.match(await firstAction.innerText(), /Overdue by/);
    await portal.shot('scorecard-entity');

    // A number opens the list behind it: the open criticals.
    const critical = card.aging.open.critical;
    await aging
      .getByRole('button', {
        name: `${critical.length}: Open critical findings`,
      })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Open critical findings' });
    await dialog.waitFor();
    await dialog.getByText(top.title).first().waitFor();
    const rows = await dialog.getByRole('row').count();
    assert.equal(rows - 1, Math.min(critical.length, 10));
    await portal.shot('scorecard-entity-drilldown');
    await dialog.getByRole('button', { name: 'Close list' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The overview card leads with the worst status.
    await portal.go('/catalog/default/component/payments-api');
    const overview = cardOf(page, 'Security posture');
    // The alert appears once the scorecard has answered; it is the only one.
    const alert = overview.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /actions? overdue/);
  });

  it('lists the service in its team`s per-service table, with the numbers of the API', async () => {
    const res = await timed(`/api/aspm/scorecard/team?group=${TEAM}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    team = res.body;
    const row = team.services.find(s => s.entityRef === SERVICE);
    assert.ok(row, 'payments-api is among the team`s services');
    const backlog = card.metrics.find(
      m => m.id === 'risk_weighted_critical_backlog',
    );
    assert.equal(row.weightedBacklog, backlog.value);
    assert.equal(row.oldestCritical.findingId, card.topRisks.items[0].id);
    const teamBacklog = team.metrics.find(
      m => m.id === 'risk_weighted_critical_backlog',
    );
    const sum = team.services.reduce((s, x) => s + x.weightedBacklog, 0);
    assert.ok(
      Math.abs(sum - teamBacklog.value) < 0.05,
      `${sum} vs ${teamBacklog.value}`,
    );
    // The weekly trend's last point is the metric now.
    assert.equal(teamBacklog.trend.at(-1).value, teamBacklog.value);
    assert.ok(team.businessUnit.teams.includes(TEAM));

    const { page } = portal;
    await portal.go('/catalog/default/group/team-checkout/security');
    const link = page.getByRole('button', {
      name: `${row.weightedBacklog}: open backlog of Payments API`,
    });
    await link.waitFor();
    const tableRow = page.getByRole('row').filter({ has: link });
    const text = await tableRow.innerText();
    assert.match(text, /Tier 1/);
    assert.match(text, /Internet-facing/);
    assert.match(text, new RegExp(`${row.coverageGaps.length}`));
    await cardOf(page, 'Metrics against target').waitFor();
    await page
      .getByRole('img', { name: /Risk-weighted critical backlog per week/ })
      .waitFor();
    await portal.shot('scorecard-team');

    // The backlog number opens the findings behind it.
    await link.click();
    const dialog = page.getByRole('dialog', {
      name: 'Open backlog of Payments API',
    });
    await dialog.waitFor();
    await dialog.getByText(card.topRisks.items[0].title).first().waitFor();
    assert.equal(
      (await dialog.getByRole('row').count()) - 1,
      Math.min(row.backlogFindingIds.length, 10),
    );
    assert.deepEqual(portal.errors, []);
  });

  it('reads the team`s weekly metric trends from the demo`s snapshots, equal to GET /metrics/:id/trend', async () => {
    // The demo rebuilds a year of daily snapshots in the background.
    const deadline = Date.now() + 10 * 60_000;
    let status;
    for (;;) {
      status = (await api('/api/aspm/snapshots/status')).body;
      if (status.state === 'done' || status.state === 'failed') break;
      assert.ok(Date.now() < deadline, JSON.stringify(status));
      await new Promise(r => setTimeout(r, 2000));
    }
    assert.equal(status.state, 'done', JSON.stringify(status));
    const res = await timed(`/api/aspm/scorecard/team?group=${TEAM}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const day = n =>
      new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    for (const m of res.body.metrics) {
      assert.equal(m.trend.length, 12, m.id);
      assert.ok(
        m.trend.slice(0, -1).every(p => p.source === 'snapshot'),
        `${m.id}: past weeks from snapshots`,
      );
      const trend = await api(
        `/api/aspm/metrics/${m.id}/trend?scope=${TEAM}&from=${day(77)}&to=${day(
          0,
        )}&interval=week`,
      );
      assert.equal(trend.status, 200, JSON.stringify(trend.body));
      assert.deepEqual(
        m.trend.map(p => [p.asOf.slice(0, 10), p.value]),
        trend.body.points.map(p => [p.asOf.slice(0, 10), p.value]),
        m.id,
      );
    }
  });
});
