/*
 * Risk weights (defaults): critical 10 x exploitability (known exploited
 * 2, EPSS >= 0.1 1.5, else 1) x tier (1: 3, 2: 2, 3: 1, untiered 2) x
 * exposure (internet 2, internal 1, unknown 1.5).
 */
import {
  contextOf,
  endOf,
  entity,
  finding,
  t,
  world,
} from '../../__testUtils__/operatingWorld';
import { WorldEntity, WorldFinding } from '../MetricsWorld';
import { riskConcentration } from './riskConcentration';

const TIMES = {
  asOf: endOf('2026-11-30'),
  from: t('2026-11-01'),
  to: t('2026-12-01'),
};
const team = (n: number) => `group:default/team-${String(n).padStart(2, '0')}`;

describe('riskConcentration', () => {
  it('gives the share of the weighted backlog the top 10 % of teams hold', () => {
    const entities: WorldEntity[] = [
      entity('component:default/t1a', {
        team: team(1),
        tier: '1',
        exposure: 'internet',
      }),
      entity('component:default/t2a', {
        team: team(2),
        tier: '2',
        exposure: 'internal',
      }),
      entity('component:default/t3a', {
        team: team(3),
        tier: '3',
        exposure: 'internal',
      }),
      // Teams 4..11 own a Component each and hold no backlog.
      ...[4, 5, 6, 7, 8, 9, 10, 11].map(n =>
        entity(`component:default/t${n}a`, { team: team(n), tier: '1' }),
      ),
      // No team: its weight counts in the total, not as a team.
      entity('component:default/un'),
      // An API of team 12: not an ownership kind, no backlog: not a team.
      entity('api:default/api1', { team: team(12) }),
      // A Resource of team 13 with backlog: a team.
      entity('resource:default/res1', {
        team: team(13),
        tier: '2',
        exposure: 'internet',
      }),
    ];
    const findings: WorldFinding[] = [
      finding(1, 'component:default/t1a', '2026-10-01', {
        knownExploited: true,
      }), // 120
      finding(2, 'component:default/t1a', '2026-10-01', { epss: 0.05 }), // 60
      finding(3, 'component:default/t2a', '2026-10-01', { epss: 0.2 }), // 30
      finding(4, 'component:default/t3a', '2026-10-01'), // 10
      finding(5, 'component:default/un', '2026-10-01'), // 30
      finding(6, 'resource:default/res1', '2026-10-01'), // 40
      // Not in the backlog: a high, an accepted critical.
      finding(7, 'component:default/t2a', '2026-10-01', { severity: 'high' }),
      finding(8, 'component:default/t3a', '2026-10-01', {
        state: 'accepted',
        exceptionId: 1,
      }),
    ];
    // Teams 1..11 and 13: 12, so the top ceil(1.2) = 2 teams.
    // Total 290; team 1 holds 180, team 13 40: 220 / 290.
    expect(
      riskConcentration(contextOf(world(TIMES, { entities, findings }))),
    ).toEqual({
      totalWeight: 290,
      unownedWeight: 30,
      teamCount: 12,
      topCount: 2,
      topWeight: 220,
      share: 0.7586,
      topTeams: [
        { team: team(1), weight: 180, findings: 2, share: 0.6207 },
        { team: team(13), weight: 40, findings: 1, share: 0.1379 },
      ],
    });
  });

  it('rounds the top 10 % up: 21 teams are a top 3', () => {
    // Teams 1..3: tier 1, internet (60 each); 4..21: tier 3, internal (10).
    const entities = Array.from({ length: 21 }, (_, i) =>
      entity(`component:default/c${i + 1}`, {
        team: team(i + 1),
        tier: i < 3 ? '1' : '3',
        exposure: i < 3 ? 'internet' : 'internal',
      }),
    );
    const findings = entities.map((e, i) =>
      finding(i + 1, e.entityRef, '2026-10-01'),
    );
    const out = riskConcentration(
      contextOf(world(TIMES, { entities, findings })),
    );
    // Total 3 x 60 + 18 x 10 = 360; the top 3 hold 180.
    expect(out).toMatchObject({
      teamCount: 21,
      topCount: 3,
      totalWeight: 360,
      topWeight: 180,
      share: 0.5,
    });
    expect(out.topTeams.map(x => x.team)).toEqual([team(1), team(2), team(3)]);
  });

  it('breaks ties by team ref; an empty backlog has no share', () => {
    const entities = [
      entity('component:default/b', { team: team(2), tier: '1' }),
      entity('component:default/a', { team: team(1), tier: '1' }),
    ];
    const tied = riskConcentration(
      contextOf(
        world(TIMES, {
          entities,
          findings: [
            finding(1, 'component:default/b', '2026-10-01'),
            finding(2, 'component:default/a', '2026-10-01'),
          ],
        }),
      ),
    );
    // 10 x 1 x 3 x 1.5 = 45 each; one team of two is the top.
    expect(tied).toMatchObject({
      teamCount: 2,
      topCount: 1,
      totalWeight: 90,
      share: 0.5,
      topTeams: [{ team: team(1), weight: 45, findings: 1, share: 0.5 }],
    });
    expect(riskConcentration(contextOf(world(TIMES, { entities })))).toEqual({
      totalWeight: 0,
      unownedWeight: 0,
      teamCount: 2,
      topCount: 1,
      topWeight: 0,
      share: null,
      topTeams: [],
    });
  });
});
