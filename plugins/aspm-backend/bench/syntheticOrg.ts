/*
 * The synthetic org of the scale benchmark (bench/scaleBench.ts) and the
 * browser benchmark (bench/browserBench.ts): components, teams in business
 * units, systems and domains, generated from a seed so both benchmarks (and
 * two runs of one) see the same catalog for the same size.
 */
import { Entity } from '@backstage/catalog-model';
import { seededRandom } from '../src/demo/random';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const componentName = (i: number) => `svc-${pad(i, 4)}`;
export const teamName = (i: number) => `team-${pad(i, 3)}`;

/** The value whose share of [0, 1) holds r; undefined past the shares. */
function pick<T>(r: number, table: Array<[T, number]>): T | undefined {
  let rest = r;
  for (const [value, share] of table) {
    if (rest < share) return value;
    rest -= share;
  }
  return undefined;
}

/** The shape of an org of `entities` components. */
export function syntheticOrg(entities: number) {
  const teams = Math.max(1, Math.round(entities / 10));
  const units = Math.max(1, Math.min(20, Math.round(teams / 25)));
  /** How many services the biggest team (team-000) owns. */
  const bigTeamServices = Math.min(300, Math.round(entities / 10));
  /** Team of component i: the first bigTeamServices belong to team-000. */
  const teamOf = (i: number) =>
    i < bigTeamServices ? 0 : 1 + (i % Math.max(1, teams - 1));
  return {
    entities,
    teams,
    units,
    bigTeamServices,
    teamOf,
    catalog: () => syntheticCatalog(entities, teams, units, teamOf),
  };
}

/**
 * The components of a generated catalog that name an owner (a real catalog
 * refuses the others), and the names of team-000's, in order.
 */
export function ownedComponents(catalog: Entity[]) {
  const owned = catalog.filter(e => e.kind === 'Component' && e.spec?.owner);
  return {
    count: owned.length,
    bigTeam: owned
      .filter(e => e.spec?.owner === teamName(0))
      .map(e => e.metadata.name),
  };
}

function syntheticCatalog(
  entities: number,
  teams: number,
  units: number,
  teamOf: (i: number) => number,
): Entity[] {
  const rnd = seededRandom('scale-bench catalog');
  const out: Entity[] = [];
  const base = (kind: string, name: string, spec: Record<string, unknown>) =>
    ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name, namespace: 'default', annotations: {} },
      spec,
    } as Entity);
  out.push(base('Group', 'acme', { type: 'organization', children: [] }));
  for (let u = 0; u < units; u++) {
    out.push(
      base('Group', `bu-${pad(u, 2)}`, {
        type: 'business-unit',
        parent: 'acme',
        children: [],
      }),
    );
  }
  for (let t = 0; t < teams; t++) {
    out.push(
      base('Group', teamName(t), {
        type: 'team',
        parent: `bu-${pad(t % units, 2)}`,
        children: [],
      }),
    );
  }
  const systems = Math.max(1, Math.round(entities / 20));
  const domains = Math.max(1, units);
  for (let d = 0; d < domains; d++) {
    out.push(
      base('Domain', `domain-${pad(d, 2)}`, { owner: `bu-${pad(d, 2)}` }),
    );
  }
  for (let s = 0; s < systems; s++) {
    out.push(
      base('System', `system-${pad(s, 3)}`, {
        owner: teamName(s % teams),
        domain: `domain-${pad(s % domains, 2)}`,
      }),
    );
  }
  for (let i = 0; i < entities; i++) {
    const r = rnd();
    const tier = pick(r, [
      ['1', 0.15],
      ['2', 0.35],
      ['3', 0.4],
    ]);
    const exposure = pick(rnd(), [
      ['internet', 0.25],
      ['internal', 0.65],
    ]);
    const entity = base('Component', componentName(i), {
      type: pick(rnd(), [
        ['service', 0.7],
        ['website', 0.15],
        ['library', 0.15],
      ]),
      lifecycle: 'production',
      // One in fifty has no owner: ownership completeness is not 1.
      ...(rnd() < 0.02 ? {} : { owner: teamName(teamOf(i)) }),
      system: `system-${pad(i % systems, 3)}`,
    });
    entity.metadata.annotations = {
      'github.com/project-slug': `acme/${componentName(i)}`,
      ...(tier ? { 'aspm.io/tier': tier } : {}),
      ...(exposure ? { 'aspm.io/exposure': exposure } : {}),
    };
    out.push(entity);
  }
  return out;
}
