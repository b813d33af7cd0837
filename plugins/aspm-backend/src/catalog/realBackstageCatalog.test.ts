import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { TestBackend } from '@backstage/backend-test-utils';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';
import { realFixturesDir } from '../__testUtils__/sharedFixtures';

jest.setTimeout(120_000);

const fixtures = realFixturesDir('real Backstage example catalog');
const describeIfFixtures = fixtures ? describe : describe.skip;

/**
 * The real example catalog of the Backstage repository (57 entities: 13
 * Components, 9 Groups, 17 Users, 6 APIs, 5 Locations ...), read by the real
 * catalog and synced into the store. Two Components are owned by
 * "user:guest", a member of team-a, so they count as owned. A third says
 * `owner: guest`: a bare name means a Group in Backstage, and there is no
 * Group "guest", so it is dangling (with a hint that the User exists). Every
 * other Component is owned by an existing team. All teams sit under the
 * `infrastructure` Group, whose type is `department`, a default business-unit
 * type.
 */
describeIfFixtures('catalog sync of the real Backstage example catalog', () => {
  let backend: TestBackend;
  let auth: string;

  beforeAll(async () => {
    const dir = path.join(fixtures!, 'backstage-catalog');
    const locations = [
      'acme/org.yaml',
      'all-components.yaml',
      'all-domains.yaml',
      'all-resources.yaml',
      'all-systems.yaml',
      ...fs.readdirSync(path.join(dir, 'apis')).map(f => `apis/${f}`),
    ].map(f => ({ type: 'file' as const, target: path.join(dir, f) }));
    ({ backend, auth } = await startCatalogBackend({
      locations,
      expectComponents: 13,
    }));
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('resolves guest-owned components through team membership', async () => {
    const sync = await request(backend.server)
      .post('/api/aspm/catalog-sync')
      .set('Authorization', auth);
    expect(sync.status).toBe(200);
    expect(sync.body.counts.byKind).toMatchObject({
      component: 13,
      group: 9,
      user: 17,
      system: 3,
      domain: 3,
      resource: 1,
    });

    const res = await request(backend.server)
      .get('/api/aspm/ownership?groupBy=businessUnit')
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body.org).toEqual({
      numerator: 12,
      denominator: 13,
      ratio: 12 / 13,
    });
    expect(res.body.byResolution).toEqual({
      group: 10,
      'user-in-team': 2,
      'user-without-team': 0,
      dangling: 1,
      missing: 0,
    });
    expect(res.body.offenders).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/playback-order',
        ownerRef: 'group:default/guest',
        ownerResolution: 'dangling',
        reason: expect.stringContaining('write "user:guest"'),
      }),
    ]);
    // Owned components land in the `infrastructure` department; the dangling
    // one has no team and no System, so no business unit.
    expect(
      res.body.segments.map((s: any) => [s.key, s.numerator, s.denominator]),
    ).toEqual([
      ['group:default/infrastructure', 12, 12],
      [undefined, 0, 1],
    ]);
    // Everything is untiered: the example catalog has no aspm.io annotations.
    expect(res.body.byTier).toEqual([
      expect.objectContaining({ label: 'Untiered', denominator: 13 }),
    ]);

    const searcher = await request(backend.server)
      .get('/api/aspm/entities/component/default/searcher')
      .set('Authorization', auth);
    expect(searcher.body).toMatchObject({
      ownerRef: 'user:default/guest',
      ownerResolution: 'user-in-team',
      owningTeam: 'group:default/team-a',
      businessUnit: 'group:default/infrastructure',
    });

    const devGuest = await request(backend.server)
      .get('/api/aspm/entities/user/development/guest')
      .set('Authorization', auth);
    expect(devGuest.body).toMatchObject({
      ownerResolution: 'user-in-team',
      owningTeam: 'group:default/team-a',
    });
  });
});
