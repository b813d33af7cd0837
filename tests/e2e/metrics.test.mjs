// The director metrics on the demo portal (a year of demo history): every id
// answers for the org, and each number's numerator and denominator match the
// items the API lists behind it.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, loadDemoOrg } from './lib.mjs';

const IDS = [
  'tier1_coverage',
  'risk_weighted_critical_backlog',
  'critical_age_internet_tier1',
  'mttr',
  'reopen_rate',
  'gate_pass_rate',
  'exception_debt',
  'ownership_completeness',
  'secret_exposure_rate',
  'secret_rotation_sla',
  'evidence_completeness',
];

before(async () => {
  await loadDemoOrg();
});

describe('director metrics of the demo org', () => {
  it('answers every id with numbers, and the items behind them add up', async () => {
    const report = await api('/api/aspm/metrics');
    assert.equal(report.status, 200, JSON.stringify(report.body));
    assert.deepEqual(
      report.body.metrics.map(m => m.id),
      IDS,
    );
    // The numbers, for the run's log.
    console.log(
      report.body.metrics
        .map(
          m =>
            `${m.id}: ${m.value}${
              m.denominator !== undefined
                ? ` (${m.numerator}/${m.denominator})`
                : ''
            } ${m.status}${m.direction ? `, ${m.direction}` : ''}`,
        )
        .join('\n'),
    );
    for (const m of report.body.metrics) {
      // A year of demo history: every metric has something to measure.
      assert.notEqual(m.value, null, `${m.id} has data`);
      assert.notEqual(m.status, 'no-data', m.id);
      const detail = await api(`/api/aspm/metrics/${m.id}?limit=1000`);
      assert.equal(detail.status, 200, JSON.stringify(detail.body));
      assert.equal(detail.body.metric.value, m.value, m.id);
      assert.equal(detail.body.itemsTotal, m.itemCount, m.id);
      const items = detail.body.items;
      if (m.unit === 'ratio' && m.id !== 'reopen_rate') {
        assert.equal(items.length, m.denominator, `${m.id} denominator`);
        assert.equal(
          items.filter(i => i.inNumerator).length,
          m.numerator,
          `${m.id} numerator`,
        );
      } else if (m.id === 'reopen_rate') {
        assert.equal(items.length, m.numerator, 'reopens listed');
      } else if (m.id === 'risk_weighted_critical_backlog') {
        assert.equal(items.length, m.details.count);
        const sum = items.reduce((s, i) => s + i.value, 0);
        assert.ok(Math.abs(sum - m.value) < 0.05, `${sum} vs ${m.value}`);
      } else if (m.id === 'exception_debt') {
        assert.equal(items.length, m.value);
      } else if (m.id === 'secret_exposure_rate') {
        assert.equal(items.length, m.numerator);
      }
    }
  });

  it('gives a monthly trend whose last point equals the metric today', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 120 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const trend = await api(
      `/api/aspm/metrics/risk_weighted_critical_backlog/trend?from=${from}&to=${today}&interval=month`,
    );
    assert.equal(trend.status, 200, JSON.stringify(trend.body));
    assert.ok(trend.body.points.length >= 4);
    const now = await api(
      `/api/aspm/metrics/risk_weighted_critical_backlog?asOf=${today}&limit=1`,
    );
    assert.equal(trend.body.points.at(-1).value, now.body.metric.value);
  });

  it('backfills a year of daily snapshots, whose trend equals the computed one and marks the demo`s counting change', async () => {
    // The demo rebuilds its snapshots in the background once loaded.
    const deadline = Date.now() + 10 * 60_000;
    let status;
    for (;;) {
      status = (await api('/api/aspm/snapshots/status')).body;
      if (status.state === 'done' || status.state === 'failed') break;
      assert.ok(Date.now() < deadline, JSON.stringify(status));
      await new Promise(r => setTimeout(r, 2000));
    }
    console.log(`snapshot job: ${JSON.stringify(status)}`);
    assert.equal(status.state, 'done', JSON.stringify(status));
    assert.ok(status.total >= 364, `${status.total} days`);

    const day = n =>
      new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    // Up to the last day snapshotted (a run that crosses midnight UTC has a
    // newer complete day than the rebuild covered).
    const url = `/api/aspm/metrics/tier1_coverage/trend?from=${day(
      360,
    )}&to=${status.lastDay}&interval=month`;
    const snap = await api(url);
    const computed = await api(`${url}&source=computed`);
    assert.equal(snap.status, 200, JSON.stringify(snap.body));
    assert.ok(snap.body.points.every(p => p.source === 'snapshot'));
    const strip = points => points.map(({ source, ...rest }) => rest);
    assert.deepEqual(strip(snap.body.points), strip(computed.body.points));

    // Half a year ago the commerce and data teams annotated their tiers.
    const marked = snap.body.points.filter(p =>
      (p.countingChanges ?? []).some(c =>
        c.description.startsWith('tier changed on 12 entities'),
      ),
    );
    assert.equal(marked.length, 1, JSON.stringify(snap.body.points));
    const [point] = marked;
    const change = point.countingChanges.find(c =>
      c.description.startsWith('tier changed'),
    );
    console.log(
      `counting change on ${point.asOf}: ${change.description}; tier-1 coverage ${point.value} (${point.numerator}/${point.denominator}), counted the old way ${change.valueWithoutChange} (${change.numeratorWithoutChange}/${change.denominatorWithoutChange}), effect ${change.effect}`,
    );
    const at = Date.parse(point.asOf);
    const changedAt = Date.now() - 26 * 7 * 86_400_000;
    assert.ok(at >= changedAt && at < changedAt + 32 * 86_400_000, point.asOf);
    assert.equal(
      change.denominatorWithoutChange,
      point.denominator - Number(/none → 1: (\d+)/.exec(change.description)[1]),
    );

    // The same change on the risk-weighted backlog: what it moved, in points.
    const backlog = await api(
      `/api/aspm/metrics/risk_weighted_critical_backlog/trend?from=${day(
        360,
      )}&to=${status.lastDay}&interval=month`,
    );
    const bp = backlog.body.points.find(p => p.asOf === point.asOf);
    const bc = bp.countingChanges.find(c =>
      c.description.startsWith('tier changed'),
    );
    console.log(
      `backlog on ${bp.asOf}: ${bp.value} points, ${bc.valueWithoutChange} counted the old way, effect ${bc.effect}`,
    );
    assert.ok(Math.abs(bp.value - bc.valueWithoutChange - bc.effect) < 1e-6);
  });
});
