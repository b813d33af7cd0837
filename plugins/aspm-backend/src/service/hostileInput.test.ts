import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { mockCredentials, TestBackend } from '@backstage/backend-test-utils';
import { startCatalogBackend } from '../__testUtils__/startCatalogBackend';
import { seededRandom } from '../demo/random';

/*
 * Hostile input at every write endpoint: valid bodies mutated by a seeded
 * generator (wrong types, missing and unknown keys, deep nesting, huge
 * arrays and strings, unicode and control characters, prototype-pollution
 * keys, truncated and non-JSON text). Whatever arrives: never a 5xx, never
 * a hang (each request has a deadline), never a partial write (a refused
 * request leaves every count as it was), and no polluted prototype.
 */

jest.setTimeout(600_000);

const examples = path.resolve(__dirname, '../../../../examples');
const parserFixtures = path.resolve(
  __dirname,
  '../ingest/parsers/__fixtures__',
);
const ENTITY = 'component:default/payments-api';
const USER = mockCredentials.user.header('user:default/alice');
const CASES_PER_ENDPOINT = Number(process.env.ASPM_FUZZ_CASES ?? 60);
const REQUEST_DEADLINE_MS = 15_000;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const daysAgo = (n: number) =>
  new Date(Date.now() - n * 86_400_000).toISOString();

/** The write endpoints, each with a valid body to mutate. */
function endpoints(findingId: number): Array<{
  name: string;
  method: 'post' | 'put' | 'patch';
  url: string;
  body: Json;
  raw?: boolean;
}> {
  return [
    {
      name: 'ingest (Trivy)',
      method: 'post',
      url: `/api/aspm/ingest?entityRef=${ENTITY}`,
      body: JSON.parse(
        fs.readFileSync(path.join(parserFixtures, 'trivy-sample.json'), 'utf8'),
      ),
      raw: true,
    },
    {
      name: 'ingest (SARIF)',
      method: 'post',
      url: `/api/aspm/ingest?entityRef=${ENTITY}`,
      body: JSON.parse(
        fs.readFileSync(path.join(parserFixtures, 'dependency.sarif'), 'utf8'),
      ),
      raw: true,
    },
    {
      name: 'exception request',
      method: 'post',
      url: '/api/aspm/exceptions',
      body: {
        entityRef: ENTITY,
        scope: { type: 'rule', rule: 'CVE-2024-3094' },
        reason: 'Mitigated upstream, waiting for the vendor patch',
        category: 'platform-gap',
        expiresAt: daysAgo(-20).slice(0, 10),
      },
    },
    {
      name: 'release',
      method: 'post',
      url: '/api/aspm/releases',
      body: {
        entityRef: ENTITY,
        version: '7.7.7',
        environment: 'staging',
        releasedAt: daysAgo(1),
        gates: [{ type: 'sast', outcome: 'pass', attempt: 1 }],
        evidence: [],
      },
    },
    {
      name: 'secret rotation',
      method: 'post',
      url: `/api/aspm/findings/${findingId}/rotation`,
      body: { rotatedAt: daysAgo(1), note: 'rotated' },
    },
    {
      name: 'review',
      method: 'post',
      url: '/api/aspm/reviews',
      body: {
        entityRef: ENTITY,
        kind: 'threat-model',
        requestedAt: daysAgo(5),
        firstResponseAt: daysAgo(4),
      },
    },
    {
      name: 'incident actions',
      method: 'post',
      url: '/api/aspm/incidents/INC-9/actions',
      body: {
        incident: { severity: 'sev2', securityRelated: true },
        actions: [
          { id: 'INC-9-1', title: 'Rotate keys', ownerEntityRef: ENTITY },
        ],
      },
    },
    {
      name: 'deployment',
      method: 'post',
      url: '/api/aspm/deployments',
      body: {
        entityRef: ENTITY,
        environment: 'production',
        version: '7.7.7',
        deployedAt: daysAgo(1),
      },
    },
    {
      name: 'strategic ask',
      method: 'post',
      url: '/api/aspm/packs/asks',
      body: {
        kind: 'platform',
        title: 'Make SCA a paved-road default',
        metricIds: ['tier1_coverage'],
      },
    },
    {
      name: 'pack narrative',
      method: 'put',
      url: '/api/aspm/packs/leadership/narrative?scope=org&period=2026-10',
      body: {
        headline: 'Posture improving',
        items: [{ whatChanged: 'Backlog fell', why: 'Fixes', metricIds: [] }],
      },
    },
  ];
}

/** A value of another JSON type than `v`. */
function otherType(rand: () => number, v: Json): Json {
  const options: Json[] = [
    null,
    true,
    -1,
    1e308,
    '',
    'x'.repeat(5000),
    [],
    {},
    [null],
    { $gt: '' },
  ];
  const pick = options.filter(
    o => typeof o !== typeof v || Array.isArray(o) !== Array.isArray(v),
  );
  return pick[Math.floor(rand() * pick.length)];
}

const NASTY_STRINGS = [
  '\u0000',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '💥🔥'.repeat(300),
  '<img src=x onerror=alert(1)>',
  '"; DROP TABLE aspm_findings; --',
  '../../../../etc/passwd',
  '\ud800',
  'a'.repeat(70_000),
  '2026-13-45T99:99:99Z',
  `component:default/${'x'.repeat(400)}`,
];

/** Every path to a value in `v`. */
function paths(
  v: Json,
  prefix: Array<string | number> = [],
): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [prefix];
  if (Array.isArray(v)) {
    v.slice(0, 5).forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v))
      out.push(...paths(x, [...prefix, k]));
  }
  return out;
}

function clone(v: Json): Json {
  return JSON.parse(JSON.stringify(v));
}

function setAt(
  root: Json,
  p: Array<string | number>,
  value: Json | undefined,
): Json {
  if (!p.length) return value === undefined ? null : value;
  const copy = clone(root);
  let node: any = copy;
  for (const key of p.slice(0, -1)) node = node[key];
  const last = p[p.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else {
    node[last] = value;
  }
  return copy;
}

function deep(depth: number): Json {
  let v: Json = 'bottom';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** One mutation of `body`, as the text to send. */
function mutate(
  rand: () => number,
  body: Json,
): { label: string; text: string } {
  const all = paths(body);
  const at = all[1 + Math.floor(rand() * Math.max(1, all.length - 1))] ?? [];
  const current = at.reduce<any>(
    (n, k) => (n === null || n === undefined ? n : n[k]),
    body,
  );
  const kind = Math.floor(rand() * 12);
  switch (kind) {
    case 0:
      return {
        label: `drop ${at.join('.')}`,
        text: JSON.stringify(setAt(body, at, undefined)),
      };
    case 1:
      return {
        label: `retype ${at.join('.')}`,
        text: JSON.stringify(setAt(body, at, otherType(rand, current))),
      };
    case 2: {
      const s = NASTY_STRINGS[Math.floor(rand() * NASTY_STRINGS.length)];
      return {
        label: `nasty string at ${at.join('.')}`,
        text: JSON.stringify(setAt(body, at, s)),
      };
    }
    case 3:
      return {
        label: `deep nesting at ${at.join('.')}`,
        text: JSON.stringify(setAt(body, at, deep(2000))),
      };
    case 4:
      return {
        label: `huge array at ${at.join('.')}`,
        text: JSON.stringify(
          setAt(body, at, new Array(20_000).fill(current ?? 1)),
        ),
      };
    case 5: {
      // Prototype pollution: the keys only survive as raw JSON text.
      const key = ['__proto__', 'constructor', 'prototype'][
        Math.floor(rand() * 3)
      ];
      const text = JSON.stringify(body).replace(
        /^\{/,
        `{"${key}":{"polluted":"yes","isAdmin":true},`,
      );
      return { label: `${key} key`, text };
    }
    case 6: {
      const text = JSON.stringify(body);
      const cut = Math.floor(rand() * text.length);
      return { label: `truncated at ${cut}`, text: text.slice(0, cut) };
    }
    case 7:
      return {
        label: 'unknown key',
        text: JSON.stringify(
          setAt(body, [...at.slice(0, -1), 'zz_unknown'], 1),
        ),
      };
    case 8:
      return { label: 'not JSON', text: '<xml>not json</xml>' };
    case 9:
      return { label: 'top-level array', text: JSON.stringify([body, body]) };
    case 10:
      return {
        label: 'number where a date is',
        text: JSON.stringify(setAt(body, at, Date.now())),
      };
    default:
      return { label: 'empty body', text: '' };
  }
}

describe('hostile input at every write endpoint', () => {
  let backend: TestBackend;

  const counts = async () => {
    const get = (url: string) =>
      request(backend.server).get(url).set('Authorization', USER);
    const total = async (url: string) =>
      Number(
        (await get(`${url}${url.includes('?') ? '&' : '?'}limit=1`)).body
          .totalCount,
      );
    return {
      findings: await total('/api/aspm/findings'),
      ingestions: (await get('/api/aspm/ingestions?limit=1')).body.totalCount,
      exceptions: await total('/api/aspm/exceptions'),
      releases: await total('/api/aspm/releases'),
      reviews: await total('/api/aspm/reviews'),
      incidentActions: await total('/api/aspm/incident-actions'),
      deployments: await total('/api/aspm/deployments'),
      asks: (await get('/api/aspm/packs/asks')).body.items?.length,
      secretsRotated: await total(
        '/api/aspm/secrets?status=rotated-on-time,rotated-late',
      ),
    };
  };

  beforeAll(async () => {
    ({ backend } = await startCatalogBackend({
      locations: [
        { type: 'file', target: path.join(examples, 'org.yaml') },
        { type: 'file', target: path.join(examples, 'entities.yaml') },
      ],
      expectComponents: 40,
    }));
    await request(backend.server)
      .post('/api/aspm/catalog-sync')
      .set('Authorization', USER)
      .send({});
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('never answers 5xx, never hangs, never writes part of a refused request', async () => {
    // A secret finding to rotate.
    await request(backend.server)
      .post(`/api/aspm/ingest?entityRef=${ENTITY}`)
      .set('Authorization', USER)
      .send(
        fs.readFileSync(
          path.join(parserFixtures, 'gitleaks-sample.json'),
          'utf8',
        ),
      );
    const secret = await request(backend.server)
      .get(`/api/aspm/findings?entityRef=${ENTITY}&category=secret&limit=1`)
      .set('Authorization', USER);
    const findingId = secret.body.items[0].id;

    const rand = seededRandom('hostile input');
    const failures: string[] = [];
    let refused = 0;
    let accepted = 0;
    for (const endpoint of endpoints(findingId)) {
      for (let i = 0; i < CASES_PER_ENDPOINT; i++) {
        const { label, text } = mutate(rand, endpoint.body);
        const before = await counts();
        const req = request(backend.server)
          [endpoint.method](endpoint.url)
          .set('Authorization', USER)
          .set('Content-Type', 'application/json')
          .timeout(REQUEST_DEADLINE_MS);
        let status: number;
        let message = '';
        try {
          const res = await req.send(text);
          status = res.status;
          message = res.body?.error?.message ?? '';
        } catch (e: any) {
          status = e?.timeout ? -1 : e?.status ?? -2;
        }
        const where = `${endpoint.name}: ${label} -> ${status}`;
        if (status < 0 || status >= 500) failures.push(`${where} ${message}`);
        if (status >= 400 && status < 500) {
          refused++;
          if (!message) failures.push(`${where}: no error message`);
          const after = await counts();
          if (JSON.stringify(after) !== JSON.stringify(before)) {
            failures.push(
              `${where}: changed ${JSON.stringify(before)} -> ${JSON.stringify(
                after,
              )}`,
            );
          }
        } else if (status < 300) {
          accepted++;
        }
        expect(({} as any).polluted).toBeUndefined();
        expect(({} as any).isAdmin).toBeUndefined();
      }
    }
    // eslint-disable-next-line no-console
    console.log(
      `hostile input: ${refused} refused with 4xx, ${accepted} accepted (still valid), ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
    expect(refused).toBeGreaterThan(CASES_PER_ENDPOINT * 5);
  });
});
