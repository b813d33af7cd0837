import {
  contextOf,
  entity,
  finding,
  world,
} from '../__testUtils__/operatingWorld';
import { agingOf } from './agingOf';
import { openFindingsByRisk } from './rankFindings';

const DAY = 86_400_000;
// A fixed clock: the ages below are counted from it.
const NOW = Date.UTC(2026, 10, 20, 12);
const seen = (days: number) => new Date(NOW - days * DAY).toISOString();
const API = 'component:default/api';

describe('agingOf', () => {
  const w = world(
    { asOf: NOW, from: NOW - 90 * DAY, to: NOW + 1 },
    {
      entities: [entity(API, { tier: '2', exposure: 'internal' })],
      findings: [
        finding(1, API, seen(7.9)), // 7 whole days: the first bucket
        finding(2, API, seen(8)), // 8 days: the second
        finding(3, API, seen(14.5), { severity: 'high' }),
        finding(4, API, seen(91)), // over 90
        finding(5, API, seen(200), { severity: 'medium' }), // not aged here
        finding(6, API, seen(30), { state: 'accepted' }), // not open
      ],
    },
  );
  const ctx = contextOf(w);
  const aging = agingOf(ctx, openFindingsByRisk(ctx), []);

  it('buckets open criticals and highs by whole days since first seen', () => {
    expect(
      aging.buckets.map(b => [b.label, [...b.critical, ...b.high]]),
    ).toEqual([
      ['0–7 days', [1]],
      ['8–14 days', [2, 3]],
      ['15–30 days', []],
      ['31–60 days', []],
      ['61–90 days', []],
      ['over 90 days', [4]],
    ]);
    expect(aging.open).toEqual({ critical: [4, 2, 1], high: [3] });
  });

  it('counts past the SLA of the tier: 14 days for a tier-2 critical, 45 for a high', () => {
    expect(aging.slaDays).toEqual({ '2': { critical: 14, high: 45 } });
    expect(aging.pastSla).toEqual({ critical: [4], high: [] });
    expect(aging.buckets[5].pastSla).toEqual([4]);
    expect(aging.buckets[1].pastSla).toEqual([]); // 14.5-day high: 45-day SLA
  });
});
