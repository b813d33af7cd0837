// The program-signal metrics on the demo portal (issue 10): every id answers
// for the demo org with data, each number is traceable to the items behind
// it, and Scorecard's rollout shows as a counting change on its trend.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, loadDemoOrg } from './lib.mjs';

const IDS = [
  'review_first_response_time',
  'reviews_waiting',
  'threat_model_coverage',
  'incident_actions_aging',
  'repo_protection_coverage',
  'golden_path_adoption',
  'exception_decision_time',
  'deployment_frequency',
  'lead_time_for_changes',
  'change_failure_rate',
  'time_to_restore',
];

const median = values => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

before(async () => {
  await loadDemoOrg();
});

describe('program signals of the demo org', () => {
  it('answers every program-signal id with data traceable to its items', async () => {
    const report = await api('/api/aspm/metrics?set=program');
    assert.equal(report.status, 200, JSON.stringify(report.body));
    assert.deepEqual(
      report.body.metrics.map(m => m.id),
      IDS,
    );
    console.log(
      report.body.metrics
        .map(
          m =>
            `${m.id}: ${m.value}${
              m.denominator !== undefined
                ? ` (${m.numerator ?? ''}/${m.denominator})`
                : ''
            } ${m.status}`,
        )
        .join('\n'),
    );
    for (const m of report.body.metrics) {
      assert.notEqual(m.value, null, `${m.id} has data`);
      const detail = await api(`/api/aspm/metrics/${m.id}?limit=1000`);
      assert.equal(detail.status, 200, JSON.stringify(detail.body));
      assert.equal(detail.body.itemsTotal, m.itemCount, m.id);
      const items = detail.body.items;
      if (m.unit === 'ratio') {
        assert.equal(items.length, m.denominator, `${m.id} denominator`);
        assert.equal(
          items.filter(i => i.inNumerator).length,
          m.numerator,
          `${m.id} numerator`,
        );
      } else if (m.unit === 'days') {
        // The median of the items' values is the number.
        assert.equal(items.length, m.denominator, `${m.id} items`);
        assert.ok(
          Math.abs(median(items.map(i => i.value)) - m.value) < 0.06,
          `${m.id}: ${median(items.map(i => i.value))} vs ${m.value}`,
        );
      } else if (m.id === 'reviews_waiting') {
        assert.equal(items.length, m.value);
      } else if (m.id === 'deployment_frequency') {
        assert.equal(items.length, m.details.deploys);
        assert.equal(
          items.filter(i => i.inNumerator).length,
          m.details.withReleaseControls,
        );
      }
    }
  });

  it('lists the raw records behind the metrics', async () => {
    const reviews = await api('/api/aspm/reviews?limit=5');
    assert.ok(reviews.body.totalCount > 10);
    const actions = await api('/api/aspm/incident-actions?open=true');
    assert.ok(actions.body.items.every(a => !a.closedAt));
    const deploys = await api('/api/aspm/deployments?failed=true&limit=500');
    assert.ok(deploys.body.totalCount > 0);
    assert.ok(deploys.body.items.every(d => d.failedAt));
    const runs = await api(
      '/api/aspm/scorecards?entityRef=component:default/payments-api',
    );
    assert.ok(runs.body.totalCount >= 3, JSON.stringify(runs.body));
  });

  it("marks Scorecard's rollout on the repository-protection trend", async () => {
    const day = ms => new Date(ms).toISOString().slice(0, 10);
    const trend = await api(
      `/api/aspm/metrics/repo_protection_coverage/trend?from=${day(
        Date.now() - 300 * 86_400_000,
      )}&to=${day(Date.now())}&interval=month`,
    );
    assert.equal(trend.status, 200, JSON.stringify(trend.body));
    const marked = trend.body.points.filter(p =>
      (p.countingChanges ?? []).some(c =>
        c.description.startsWith('OpenSSF Scorecard started reporting'),
      ),
    );
    assert.equal(marked.length, 1, JSON.stringify(trend.body.points));
    const change = marked[0].countingChanges.find(c =>
      c.description.startsWith('OpenSSF Scorecard'),
    );
    // Counted without Scorecard, nothing is protected.
    assert.equal(change.numeratorWithoutChange, 0);
    assert.ok(marked[0].numerator > 0);
  });
});

describe("program signals in the director pack's panels", () => {
  it('shows every program-signal metric for the demo org in the seed-001 panels, each with items behind it', async () => {
    const pack = await api('/api/aspm/packs/leadership?scope=org');
    assert.equal(pack.status, 200, JSON.stringify(pack.body));
    const panels = pack.body.sections.find(s => s.id === 'program-panels');
    assert.ok(panels, 'pack A has the panels');
    assert.deepEqual(
      panels.blocks.map(b => b.title),
      ['Coverage', 'Exposure', 'Responsiveness', 'Delivery trust'],
    );
    const shown = panels.blocks.flatMap(b => b.metrics);
    for (const id of IDS) {
      const m = shown.find(x => x.id === id);
      assert.ok(m, `${id} is in a panel`);
      assert.notEqual(
        m.value,
        null,
        `${id} has data in ${pack.body.period.id}`,
      );
      assert.ok(m.points.length >= 2, `${id} has a trend`);
      // The same number the metrics API gives for the pack's period, with
      // the items behind it.
      const detail = await api(
        `/api/aspm/metrics/${id}?period=${pack.body.period.id}&limit=1`,
      );
      assert.equal(detail.body.metric.value, m.value, id);
      assert.equal(detail.body.itemsTotal, detail.body.metric.itemCount, id);
    }
  });

  it('renders the panels on the pack page', async () => {
    const { openPortal } = await import('./lib.mjs');
    const portal = await openPortal();
    try {
      await portal.go('/aspm');
      const section = portal.page.locator(
        'section[data-section="program-panels"]',
      );
      await section.waitFor();
      for (const title of ['Coverage', 'Delivery trust']) {
        await section.getByText(title, { exact: true }).first().waitFor();
      }
      await section.getByText('Change failure rate').first().waitFor();
      await section
        .getByText('Services on approved golden paths')
        .first()
        .waitFor();
      await section.scrollIntoViewIfNeeded();
      await portal.shot('pack-program-panels');
    } finally {
      await portal.close();
    }
  });
});

describe('program signals on the team scorecard', () => {
  it("gives a team's program-signal metrics with trends, as GET /metrics?set=program does", async () => {
    const team = 'group:default/team-checkout';
    const card = await api(`/api/aspm/scorecard/team?group=${team}`);
    assert.equal(card.status, 200, JSON.stringify(card.body));
    const report = await api(`/api/aspm/metrics?set=program&scope=${team}`);
    assert.deepEqual(
      card.body.programMetrics.map(m => [m.id, m.value]),
      report.body.metrics.map(m => [m.id, m.value]),
    );
    assert.ok(card.body.programMetrics.every(m => m.trend?.length > 1));
    const { openPortal } = await import('./lib.mjs');
    const portal = await openPortal();
    try {
      await portal.go('/catalog/default/group/team-checkout/security');
      await portal.page.getByText('Program signals against target').waitFor();
      await portal.page.getByText('Change failure rate').first().waitFor();
    } finally {
      await portal.close();
    }
  });
});
