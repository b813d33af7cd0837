/*
 * Metrics benchmark (not a test): generates a synthetic organisation with a
 * year of history straight into the store's tables (5,000 components in a
 * catalog of teams, business units, systems and domains; 1,000,000 findings
 * with their events; scans, exceptions with their audit trail, releases with
 * their gates, secret rotations), then times the director metrics computed
 * from events through the real code (DatabaseMetricsStore + MetricsService)
 * on SQLite and PostgreSQL. Prints a table per engine, with a baseline read
 * of the same rows in the same run and the peak RSS of the measuring process.
 *
 *   yarn bench:metrics                                   # 5,000 / 1,000,000
 *   ASPM_BENCH_ENTITIES=500 ASPM_BENCH_FINDINGS=50000 yarn bench:metrics
 *
 * Other knobs: ASPM_BENCH_ENGINES=sqlite,pg; ASPM_BENCH_REPEAT (runs of each
 * measurement, default 2: the table shows the first and the best);
 * ASPM_BENCH_KEEP=1 keeps the generated databases and prints where they are;
 * ASPM_BENCH_SQLITE_FILE / ASPM_BENCH_PG_DB measure an existing generated
 * database instead of generating one.
 *
 * The measurements run in a child process per engine, so the peak RSS is
 * the metrics' own, not the generator's.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import knexFactory, { Knex } from 'knex';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { DatabaseAspmStore } from '../src/database/DatabaseAspmStore';
import { DatabaseMetricsStore } from '../src/database/DatabaseMetricsStore';
import { MetricsStore } from '../src/database/MetricsStore';
import { bulkInsert } from '../src/database/bulkInsert';
import { readAspmConfig } from '../src/config/readAspmConfig';
import { MetricsService } from '../src/metrics/MetricsService';
import { SnapshotService } from '../src/metrics/SnapshotService';
import { DatabaseSnapshotStore } from '../src/database/DatabaseSnapshotStore';
import { pgAnswers } from './pgAnswers';

type Engine = 'sqlite' | 'pg';

const ENTITIES = Number(process.env.ASPM_BENCH_ENTITIES ?? 5000);
const FINDINGS = Number(process.env.ASPM_BENCH_FINDINGS ?? 1_000_000);
const REPEAT = Math.max(1, Number(process.env.ASPM_BENCH_REPEAT ?? 2));
const pgUrl =
  process.env.ASPM_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';

const DAY = 86_400_000;
/** The generated year: START .. NOW; the metrics are asked as of AS_OF. */
const START = Date.UTC(2025, 10, 20);
const NOW = Date.UTC(2026, 10, 20);
const AS_OF = '2026-08-15';
const iso = (ms: number) => new Date(ms).toISOString();

// The kernel's high-water mark: synchronous work (SQLite, replay) would
// starve a sampling timer.
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const elapsedMs = (since: bigint) =>
  Number(process.hrtime.bigint() - since) / 1e6;

// ---------------------------------------------------------------------------
// The synthetic organisation
// ---------------------------------------------------------------------------

/** A small seeded PRNG (mulberry32): the same org on every run and engine. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted<T>(rnd: () => number, table: Array<[T, number]>): T {
  let r = rnd();
  for (const [value, weight] of table) {
    if (r < weight) return value;
    r -= weight;
  }
  return table[table.length - 1][0];
}

/** Exponentially distributed delay with the given mean, in ms. */
const expo = (rnd: () => number, meanDays: number) =>
  Math.round(-Math.log(1 - rnd()) * meanDays * DAY);

interface Component {
  ref: string;
  name: string;
  type: string;
  team?: string;
  businessUnit?: string;
  system: string;
  domain: string;
  tools: Array<{ tool: string; format: string }>;
  /** Time the component joined the catalog, and left it (if it did). */
  from: number;
  to?: number;
}

const TOOLS = {
  code: { tool: 'Semgrep OSS', format: 'semgrep' },
  dependency: { tool: 'OSV-Scanner', format: 'osv-scanner' },
  secret: { tool: 'gitleaks', format: 'gitleaks' },
  container: { tool: 'Trivy', format: 'trivy' },
  iac: { tool: 'Checkov', format: 'sarif' },
} as const;
type Category = keyof typeof TOOLS;

const SEVERITY_MIX: Array<[string, number]> = [
  ['critical', 0.05],
  ['high', 0.2],
  ['medium', 0.4],
  ['low', 0.3],
  ['info', 0.05],
];
const CATEGORY_MIX: Array<[Category, number]> = [
  ['dependency', 0.5],
  ['code', 0.3],
  ['container', 0.12],
  ['iac', 0.05],
  ['secret', 0.03],
];
/** Mean days to fix by severity. */
const FIX_DAYS: Record<string, number> = {
  critical: 12,
  high: 35,
  medium: 80,
  low: 150,
  info: 250,
};

interface Org {
  components: Component[];
  exceptionsByEntity: Map<string, GeneratedException[]>;
}

interface GeneratedException {
  id: number;
  entityRef: string;
  approvedAt?: number;
  /** When it stopped covering (expired or revoked), if it did before NOW. */
  endedAt?: number;
  findings: number[];
  scopeType: 'entity' | 'findings';
}

type Row = Record<string, string | number | boolean | null>;
/** Tables without an `id` column. */
const NO_ID = new Set([
  'aspm_entities',
  'aspm_exception_findings',
  'aspm_release_gates',
  'aspm_secret_rotations',
]);

/** Writes rows through the store's bulk writer, one transaction a batch. */
class Writer {
  private readonly pending = new Map<string, Row[]>();
  readonly counts: Record<string, number> = {};
  constructor(private readonly knex: Knex, private readonly batch = 20_000) {}

  async add(table: string, row: Row) {
    let rows = this.pending.get(table);
    if (!rows) this.pending.set(table, (rows = []));
    rows.push(row);
    if (rows.length >= this.batch) await this.flush(table);
  }

  async flush(table?: string) {
    for (const name of table ? [table] : [...this.pending.keys()]) {
      const rows = this.pending.get(name);
      if (!rows?.length) continue;
      this.pending.set(name, []);
      await this.knex.transaction(async tx => {
        if (NO_ID.has(name) && this.knex.client.config.client === 'pg') {
          // The bulk writer returns ids; these tables have none.
          for (let i = 0; i < rows.length; i += 400) {
            await tx(name).insert(rows.slice(i, i + 400));
          }
        } else {
          await bulkInsert(tx, name, rows);
        }
      });
      this.counts[name] = (this.counts[name] ?? 0) + rows.length;
    }
  }
}

function entitySnapshot(fields: Record<string, unknown>, firstSeenAt: number) {
  const ref = fields.entityRef as string;
  const [kind, rest] = ref.split(':');
  return {
    entityRef: ref,
    kind,
    namespace: 'default',
    name: rest.split('/')[1],
    ownerResolutionReason: 'generated',
    annotationProblems: [],
    ...fields,
    firstSeenAt: iso(firstSeenAt),
  };
}

/** The catalog: business units > departments > teams, systems, domains, components. */
async function generateCatalog(w: Writer, rnd: () => number) {
  const units = Math.max(2, Math.round(ENTITIES / 500));
  const departments = units * 4;
  const teams = Math.max(units, Math.round(ENTITIES / 25));
  const systems = Math.max(1, Math.round(ENTITIES / 10));
  const domains = Math.max(1, Math.round(ENTITIES / 200));
  const catalogStart = START - 30 * DAY;
  const history = async (
    snapshot: Record<string, unknown>,
    from: number,
    to?: number,
  ) =>
    w.add('aspm_entity_history', {
      entity_ref: snapshot.entityRef as string,
      kind: snapshot.kind as string,
      valid_from: iso(from),
      valid_to: to === undefined ? null : iso(to),
      snapshot: JSON.stringify(snapshot),
    });
  const current = async (s: Record<string, any>) =>
    w.add('aspm_entities', {
      entity_ref: s.entityRef,
      kind: s.kind,
      namespace: s.namespace,
      name: s.name,
      title: s.title ?? null,
      type: s.type ?? null,
      lifecycle: 'production',
      owner_ref: s.ownerRef ?? null,
      owner_resolution: s.ownerResolution,
      owner_reason: s.ownerResolutionReason,
      owning_team: s.owningTeam ?? null,
      business_unit: s.businessUnit ?? null,
      system_ref: s.system ?? null,
      domain_ref: s.domain ?? null,
      parent_ref: s.parentRef ?? null,
      tier: s.tier ?? null,
      exposure: s.exposure ?? null,
      repo_slug: s.repository?.slug ?? null,
      repo_url: s.repository?.url ?? null,
      repo_source: s.repository?.source ?? null,
      defectdojo_product_id: null,
      annotation_problems: '[]',
      content_hash: 'generated',
      first_seen_at: s.firstSeenAt,
      last_synced_at: iso(NOW),
      gone_at: null,
    });

  const unitRefs: string[] = [];
  const teamUnit = new Map<string, string>();
  const deptRefs: string[] = [];
  for (let u = 0; u < units; u++) {
    const ref = `group:default/bu-${u}`;
    unitRefs.push(ref);
    const s = entitySnapshot(
      { entityRef: ref, type: 'business-unit', ownerResolution: 'group' },
      catalogStart,
    );
    await history(s, catalogStart);
    await current(s);
  }
  for (let d = 0; d < departments; d++) {
    const ref = `group:default/dept-${d}`;
    deptRefs.push(ref);
    const unit = unitRefs[d % units];
    teamUnit.set(ref, unit);
    const s = entitySnapshot(
      {
        entityRef: ref,
        type: 'department',
        ownerResolution: 'group',
        parentRef: unit,
      },
      catalogStart,
    );
    await history(s, catalogStart);
    await current(s);
  }
  const teamRefs: string[] = [];
  for (let t = 0; t < teams; t++) {
    const ref = `group:default/team-${t}`;
    teamRefs.push(ref);
    const dept = deptRefs[t % departments];
    teamUnit.set(ref, teamUnit.get(dept)!);
    const base = { entityRef: ref, type: 'team', ownerResolution: 'group' };
    // One team in twenty moves to another department during the year.
    if (rnd() < 0.05) {
      const moved = START + Math.floor(rnd() * (NOW - START));
      const other = deptRefs[Math.floor(rnd() * departments)];
      await history(
        entitySnapshot({ ...base, parentRef: dept }, catalogStart),
        catalogStart,
        moved,
      );
      const s = entitySnapshot({ ...base, parentRef: other }, catalogStart);
      await history(s, moved);
      await current(s);
    } else {
      const s = entitySnapshot({ ...base, parentRef: dept }, catalogStart);
      await history(s, catalogStart);
      await current(s);
    }
  }
  for (let d = 0; d < domains; d++) {
    const s = entitySnapshot(
      {
        entityRef: `domain:default/domain-${d}`,
        ownerResolution: 'group',
        ownerRef: teamRefs[d % teams],
        owningTeam: teamRefs[d % teams],
        businessUnit: teamUnit.get(teamRefs[d % teams]),
      },
      catalogStart,
    );
    await history(s, catalogStart);
    await current(s);
  }
  for (let y = 0; y < systems; y++) {
    const team = teamRefs[y % teams];
    const s = entitySnapshot(
      {
        entityRef: `system:default/system-${y}`,
        ownerResolution: 'group',
        ownerRef: team,
        owningTeam: team,
        businessUnit: teamUnit.get(team),
        domain: `domain:default/domain-${y % domains}`,
      },
      catalogStart,
    );
    await history(s, catalogStart);
    await current(s);
  }

  const components: Component[] = [];
  for (let c = 0; c < ENTITIES; c++) {
    const name = `svc-${c}`;
    const ref = `component:default/${name}`;
    const systemIndex = Math.floor(rnd() * systems);
    const team = teamRefs[Math.floor(rnd() * teams)];
    const owner = pickWeighted<'group' | 'user-without-team' | 'missing'>(rnd, [
      ['group', 0.9],
      ['user-without-team', 0.05],
      ['missing', 0.05],
    ]);
    const type = pickWeighted(rnd, [
      ['service', 0.6],
      ['website', 0.15],
      ['library', 0.25],
    ]);
    const tier = (): string | undefined =>
      pickWeighted<string | undefined>(rnd, [
        ['1', 0.2],
        ['2', 0.3],
        ['3', 0.3],
        [undefined, 0.2],
      ]);
    const exposure = (): string | undefined =>
      pickWeighted<string | undefined>(rnd, [
        ['internet', 0.25],
        ['internal', 0.6],
        [undefined, 0.15],
      ]);
    const hasRepo = rnd() < 0.9;
    const fields = {
      entityRef: ref,
      title: `Service ${c}`,
      type,
      ownerRef: owner === 'missing' ? undefined : team,
      ownerResolution: owner,
      owningTeam: owner === 'group' ? team : undefined,
      businessUnit: teamUnit.get(team),
      system: `system:default/system-${systemIndex}`,
      domain: `domain:default/domain-${systemIndex % domains}`,
      tier: tier(),
      exposure: exposure(),
      repository: hasRepo
        ? {
            slug: `acme/${name}`,
            url: `https://github.com/acme/${name}`,
            source: 'github.com/project-slug',
          }
        : undefined,
    };
    // One in ten joins during the year, one in twenty leaves.
    const from =
      rnd() < 0.1
        ? START + Math.floor(rnd() * (NOW - START) * 0.8)
        : catalogStart;
    const to =
      rnd() < 0.05 ? from + Math.floor(rnd() * (NOW - from)) : undefined;
    // Three in ten change tier or exposure once.
    const change =
      rnd() < 0.3 ? from + Math.floor(rnd() * ((to ?? NOW) - from)) : undefined;
    const first = entitySnapshot(fields, from);
    if (change !== undefined) {
      await history(first, from, change);
      const changed = entitySnapshot(
        rnd() < 0.5
          ? { ...fields, tier: tier() }
          : { ...fields, exposure: exposure() },
        from,
      );
      await history(changed, change, to);
      if (to === undefined) await current(changed);
    } else {
      await history(first, from, to);
      if (to === undefined) await current(first);
    }
    const tools: Component['tools'] = [];
    if (rnd() < 0.85) tools.push(TOOLS.code);
    if (rnd() < 0.85) tools.push(TOOLS.dependency);
    if (rnd() < 0.75) tools.push(TOOLS.secret);
    if (type === 'service' && rnd() < 0.6) tools.push(TOOLS.container);
    if (rnd() < 0.2) tools.push(TOOLS.iac);
    components.push({
      ref,
      name,
      type,
      team,
      businessUnit: teamUnit.get(team),
      system: fields.system,
      domain: fields.domain,
      tools,
      from,
      to,
    });
  }
  await w.flush();
  return {
    components,
    groups: units + departments + teams,
    systems,
    domains,
  };
}

/** Exceptions with their audit trail (the findings they accept come later). */
function planExceptions(rnd: () => number, components: Component[]) {
  const count = Math.max(10, Math.round(FINDINGS / 330));
  const out: GeneratedException[] = [];
  for (let id = 1; id <= count; id++) {
    const c = components[Math.floor(Math.pow(rnd(), 1.6) * components.length)];
    out.push({
      id,
      entityRef: c.ref,
      findings: [],
      scopeType: rnd() < 0.3 ? 'findings' : 'entity',
    });
  }
  return out;
}

async function writeExceptions(
  w: Writer,
  rnd: () => number,
  exceptions: GeneratedException[],
  decided: Map<number, ExceptionTrail>,
) {
  for (const x of exceptions) {
    const trail = decided.get(x.id)!;
    const last = trail.events[trail.events.length - 1];
    await w.add('aspm_exceptions', {
      id: x.id,
      entity_ref: x.entityRef,
      scope_type: x.scopeType,
      scope_value: null,
      reason: 'Generated by the metrics benchmark',
      category: trail.category,
      status: last.status,
      source: rnd() < 0.8 ? 'manual' : 'defectdojo',
      external_id: null,
      requested_by: 'user:default/requester',
      requested_at: iso(trail.events[0].at),
      decided_by: trail.decidedAt ? 'user:default/approver' : null,
      decided_at: trail.decidedAt ? iso(trail.decidedAt) : null,
      decision_note: null,
      requested_expires_at: trail.expiresAt ? iso(trail.expiresAt) : null,
      expires_at: trail.expiresAt ? iso(trail.expiresAt) : null,
      review_at: trail.reviewAt ? iso(trail.reviewAt) : null,
      compensating_control:
        trail.category === 'compensated' ? 'WAF rule in front' : null,
      compensating_link: null,
      renewals: trail.renewals,
      updated_at: iso(last.at),
    });
    for (const e of trail.events) {
      await w.add('aspm_exception_events', {
        exception_id: x.id,
        type: e.type,
        actor: 'user:default/approver',
        at: iso(e.at),
        from_status: e.from ?? null,
        to_status: e.status,
        expires_at: e.expiresAt ? iso(e.expiresAt) : null,
        review_at: e.reviewAt ? iso(e.reviewAt) : null,
        note: null,
      });
    }
    if (x.scopeType === 'findings') {
      for (const f of x.findings) {
        await w.add('aspm_exception_findings', {
          exception_id: x.id,
          finding_id: f,
        });
      }
    }
  }
  await w.flush();
}

interface ExceptionTrail {
  category: string;
  decidedAt?: number;
  expiresAt?: number;
  reviewAt?: number;
  renewals: number;
  events: Array<{
    type: string;
    at: number;
    from?: string;
    status: string;
    expiresAt?: number;
    reviewAt?: number;
  }>;
}

/** requested -> approved (-> renewed) (-> expired | revoked), or rejected, or pending. */
function exceptionTrail(
  rnd: () => number,
  x: GeneratedException,
): ExceptionTrail {
  const requested = START + Math.floor(rnd() * (NOW - START - 2 * DAY));
  const category = pickWeighted(rnd, [
    ['accepted-risk', 0.6],
    ['compensated', 0.2],
    ['false-positive', 0.2],
  ]);
  const trail: ExceptionTrail = {
    category,
    renewals: 0,
    events: [{ type: 'requested', at: requested, status: 'requested' }],
  };
  const outcome = pickWeighted(rnd, [
    ['approved', 0.8],
    ['rejected', 0.1],
    ['pending', 0.1],
  ]);
  if (outcome === 'pending') return trail;
  const decided = requested + expo(rnd, 2) + 60_000;
  if (decided >= NOW) return trail;
  trail.decidedAt = decided;
  if (outcome === 'rejected') {
    trail.events.push({
      type: 'rejected',
      at: decided,
      from: 'requested',
      status: 'rejected',
    });
    return trail;
  }
  let expires = decided + (30 + Math.floor(rnd() * 150)) * DAY;
  const review = rnd() < 0.5 ? decided + 60 * DAY : undefined;
  trail.reviewAt = review;
  trail.events.push({
    type: 'approved',
    at: decided,
    from: 'requested',
    status: 'approved',
    expiresAt: expires,
    reviewAt: review,
  });
  x.approvedAt = decided;
  if (rnd() < 0.15 && expires - 5 * DAY < NOW) {
    const renewedAt = expires - 5 * DAY;
    expires += 90 * DAY;
    trail.renewals = 1;
    trail.events.push({
      type: 'renewed',
      at: renewedAt,
      from: 'approved',
      status: 'approved',
      expiresAt: expires,
    });
  }
  trail.expiresAt = expires;
  const revoked =
    rnd() < 0.05 ? decided + Math.floor(rnd() * (expires - decided)) : NaN;
  if (revoked < NOW) {
    trail.events.push({
      type: 'revoked',
      at: revoked,
      from: 'approved',
      status: 'revoked',
    });
    x.endedAt = revoked;
  } else if (expires < NOW) {
    trail.events.push({
      type: 'expired',
      at: expires + 15 * 60_000,
      from: 'approved',
      status: 'expired',
    });
    x.endedAt = expires + 15 * 60_000;
  }
  return trail;
}

interface Ev {
  type: string;
  at: number;
  from: string | null;
  to: string | null;
}

/**
 * Every finding event, kept compactly until the findings are written, then
 * written in time order as ingestion appends them (a finding's events end
 * up far apart in the table, as they do in a real store).
 */
class EventLog {
  private readonly finding: number[] = [];
  private readonly at: number[] = [];
  private readonly type: number[] = [];
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly strings: Array<string | null> = [null];
  private readonly codes = new Map<string | null, number>([[null, 0]]);

  private code(s: string | null): number {
    let c = this.codes.get(s);
    if (c === undefined) {
      c = this.strings.push(s) - 1;
      this.codes.set(s, c);
    }
    return c;
  }

  push(findingId: number, e: Ev) {
    this.finding.push(findingId);
    this.at.push(e.at);
    this.type.push(this.code(e.type));
    this.from.push(this.code(e.from));
    this.to.push(this.code(e.to));
  }

  async write(w: Writer) {
    const { at, finding } = this;
    const order = new Uint32Array(at.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort((a, b) => at[a] - at[b] || finding[a] - finding[b] || a - b);
    for (const i of order) {
      await w.add('aspm_finding_events', {
        finding_id: finding[i],
        type: this.strings[this.type[i]],
        at: iso(at[i]),
        scan_id: null,
        from_value: this.strings[this.from[i]],
        to_value: this.strings[this.to[i]],
      });
    }
    await w.flush();
  }
}

/** Findings and their events, written in batches. */
async function generateFindings(w: Writer, rnd: () => number, org: Org) {
  const { components } = org;
  const n = components.length;
  const log = new EventLog();
  for (let id = 1; id <= FINDINGS; id++) {
    // Skewed: a few components carry many findings.
    const c = components[Math.floor(Math.pow(rnd(), 1.6) * n)];
    const category = pickWeighted(rnd, CATEGORY_MIX);
    let severity = pickWeighted(rnd, SEVERITY_MIX);
    const life0 = Math.max(START, c.from);
    const life1 = c.to ?? NOW;
    // A fifth arrive with the first scans (the backlog), the rest over time.
    const firstSeen =
      rnd() < 0.2
        ? life0 + Math.floor(rnd() * Math.min(7 * DAY, life1 - life0))
        : life0 + Math.floor(rnd() * (life1 - life0));
    const events: Ev[] = [
      { type: 'opened', at: firstSeen, from: null, to: 'open' },
    ];
    let t = firstSeen;
    let fixedAt: number | undefined;
    let reopens = 0;
    const suppressed = rnd() < 0.02;
    if (suppressed) {
      events.push({
        type: 'suppressed',
        at: firstSeen + expo(rnd, 10),
        from: 'open',
        to: 'false_positive',
      });
    } else {
      for (;;) {
        const fix = t + expo(rnd, FIX_DAYS[severity]);
        if (fix >= NOW) break;
        events.push({ type: 'fixed', at: fix, from: 'open', to: 'fixed' });
        fixedAt = fix;
        // Flapping: many come back (a revert, a scanner that misses a run).
        if (reopens >= 6 || rnd() >= 0.42) break;
        const back = fix + expo(rnd, 20) + 3_600_000;
        if (back >= NOW) break;
        events.push({ type: 'reopened', at: back, from: 'fixed', to: 'open' });
        fixedAt = undefined;
        reopens++;
        t = back;
      }
    }
    // One in ten changes severity once (rescored advisory, rule update).
    if (rnd() < 0.1) {
      const last = events[events.length - 1].at;
      const at =
        firstSeen + Math.floor(rnd() * (Math.max(last, NOW) - firstSeen));
      const to = pickWeighted(rnd, SEVERITY_MIX);
      if (to !== severity && at < NOW) {
        events.push({ type: 'severity_changed', at, from: severity, to });
        severity = to;
      }
    }
    events.sort((a, b) => a.at - b.at);
    // Accepted through an exception of its entity while open.
    const candidates = org.exceptionsByEntity.get(c.ref);
    if (candidates && !suppressed && rnd() < 0.3) {
      const x = candidates[Math.floor(rnd() * candidates.length)];
      if (x.approvedAt !== undefined) {
        const at = Math.max(x.approvedAt, firstSeen + 60_000);
        if (at < NOW && stateAt(events, at) === 'open') {
          events.push({
            type: 'accepted',
            at,
            from: 'open',
            to: String(x.id),
          });
          x.findings.push(id);
          if (x.endedAt !== undefined && x.endedAt > at) {
            events.sort((a, b) => a.at - b.at);
            if (stateAt(events, x.endedAt) === 'open') {
              events.push({
                type: 'exception_ended',
                at: x.endedAt,
                from: String(x.id),
                to: 'open',
              });
            }
          }
          events.sort((a, b) => a.at - b.at);
        }
      }
    }
    // The row as the store has it now.
    let base = 'open';
    let exceptionId: number | null = null;
    for (const e of events) {
      if (e.type === 'fixed') {
        base = 'fixed';
        exceptionId = null;
      } else if (e.type === 'opened' || e.type === 'reopened') base = 'open';
      else if (e.type === 'suppressed') {
        base = 'false_positive';
        exceptionId = null;
      } else if (e.type === 'accepted') exceptionId = Number(e.to);
      else if (e.type === 'exception_ended') exceptionId = null;
    }
    const tool = TOOLS[category].tool;
    const rule = Math.floor(rnd() * 400);
    const lastEvent = events[events.length - 1].at;
    await w.add('aspm_findings', {
      id,
      entity_ref: c.ref,
      tool,
      tool_version: '1.0.0',
      run_key: '',
      fingerprint: `fp-${id}`,
      category,
      rule_id: `${category}.rule-${rule}`,
      title: `${category} finding ${rule} in ${c.name}`,
      severity,
      cvss: category === 'dependency' ? Math.round(rnd() * 100) / 10 : null,
      cves:
        category === 'dependency'
          ? JSON.stringify([`CVE-2025-${10000 + (id % 40000)}`])
          : null,
      ghsa: null,
      cwes:
        category === 'code'
          ? JSON.stringify([`CWE-${20 + (rule % 60)}`])
          : null,
      epss:
        category === 'dependency' && rnd() < 0.7
          ? Math.round(rnd() * 1000) / 1000
          : null,
      known_exploited: category === 'dependency' && rnd() < 0.01,
      location_path:
        category === 'dependency' ? 'package-lock.json' : `src/m${rule}/f.ts`,
      start_line: category === 'dependency' ? null : 1 + (id % 900),
      end_line: null,
      package_name: category === 'dependency' ? `pkg-${rule}` : null,
      package_version: category === 'dependency' ? '1.2.3' : null,
      package_ecosystem: category === 'dependency' ? 'npm' : null,
      manifest: null,
      fixed_version: null,
      state: exceptionId !== null && base === 'open' ? 'accepted' : base,
      base_state: base,
      exception_id: base === 'open' ? exceptionId : null,
      suppression_justification: null,
      first_seen_at: iso(firstSeen),
      last_seen_at: iso(base === 'open' ? NOW - DAY : lastEvent),
      fixed_at: fixedAt === undefined ? null : iso(fixedAt),
      reopen_count: reopens,
      link: `https://scanner.example/${id}`,
      properties:
        category === 'secret'
          ? JSON.stringify({
              validity: pickWeighted(rnd, [
                ['active', 0.4],
                ['inactive', 0.3],
                ['unknown', 0.3],
              ]),
            })
          : null,
      content_hash: `h${id}`,
      last_scan_id: null,
    });
    for (const e of events) log.push(id, e);
    if (category === 'secret' && rnd() < 0.6) {
      const rotated = firstSeen + expo(rnd, 6);
      if (rotated < NOW) {
        await w.add('aspm_secret_rotations', {
          finding_id: id,
          rotated_at: iso(rotated),
          rotated_by: 'user:default/rotator',
          note: null,
          recorded_at: iso(rotated),
        });
      }
    }
  }
  await w.flush();
  await log.write(w);
}

function stateAt(events: Ev[], at: number): string {
  let s = 'open';
  for (const e of events) {
    if (e.at > at) break;
    if (e.type === 'fixed') s = 'fixed';
    else if (e.type === 'opened' || e.type === 'reopened') s = 'open';
    else if (e.type === 'suppressed') s = 'false_positive';
  }
  return s;
}

/** One push (ingestion + scan row) per component, tool and scan, every ~2 weeks. */
async function generateScans(
  w: Writer,
  rnd: () => number,
  components: Component[],
) {
  let id = 0;
  for (const c of components) {
    const end = c.to ?? NOW;
    for (const { tool, format } of c.tools) {
      // A tenth of the scanners stop a while before the end of the year.
      const stop = rnd() < 0.1 ? end - Math.floor(rnd() * 120) * DAY : end;
      for (
        let t = Math.max(START, c.from) + Math.floor(rnd() * 14 * DAY);
        t < stop;
        t += 10 * DAY + Math.floor(rnd() * 8 * DAY)
      ) {
        id++;
        const received = t + 5 * 60_000;
        await w.add('aspm_ingestions', {
          id,
          source: 'push',
          status: 'succeeded',
          format,
          entity_ref: c.ref,
          actor: 'external:ci',
          received_at: iso(received),
          finished_at: iso(received + 2_000),
          tools: JSON.stringify([
            { name: tool, version: '1.0.0', runKey: '', scannedAt: iso(t) },
          ]),
          counts: JSON.stringify({
            received: 10,
            new: 1,
            unchanged: 9,
            fixed: 0,
            reopened: 0,
            suppressed: 0,
          }),
          error: null,
        });
        await w.add('aspm_scans', {
          id,
          ingestion_id: id,
          entity_ref: c.ref,
          tool,
          tool_version: '1.0.0',
          run_key: '',
          scanned_at: iso(t),
          content_hash: `scan-${id}`,
          finding_count: 10,
        });
      }
    }
  }
  await w.flush();
}

/** ~4 releases a component over the year, most gated, some failing first. */
async function generateReleases(
  w: Writer,
  rnd: () => number,
  components: Component[],
) {
  const total = Math.round(components.length * 4);
  const gateTypes = ['sast', 'sca', 'secrets', 'container'];
  for (let id = 1; id <= total; id++) {
    const c = components[Math.floor(rnd() * components.length)];
    const from = Math.max(START, c.from);
    const at = from + Math.floor(rnd() * ((c.to ?? NOW) - from));
    const gated = rnd() < 0.85;
    const gates: Array<[string, number, string]> = [];
    if (gated) {
      const count = 2 + Math.floor(rnd() * 3);
      for (const type of gateTypes.slice(0, count)) {
        const first = pickWeighted(rnd, [
          ['pass', 0.88],
          ['fail', 0.09],
          ['warn', 0.03],
        ]);
        gates.push([type, 1, first]);
        if (first === 'fail')
          gates.push([type, 2, rnd() < 0.8 ? 'pass' : 'fail']);
      }
    }
    const firstPass =
      gated && gates.every(([, a, o]) => a !== 1 || o !== 'fail');
    // Blocked: a gate whose re-run failed too.
    const blocked = gates.some(([, a, o]) => a === 2 && o === 'fail');
    let outcome = 'ungated';
    if (gated) {
      if (firstPass) outcome = 'passed';
      else outcome = blocked ? 'blocked' : 'passed-after-rerun';
    }
    await w.add('aspm_releases', {
      id,
      entity_ref: c.ref,
      version: `1.${id}.0`,
      environment: rnd() < 0.7 ? 'production' : 'staging',
      artifact_digest: `sha256:${id.toString(16).padStart(64, '0')}`,
      released_at: iso(at),
      pipeline_url: null,
      approved_by: null,
      posted_by: 'external:ci',
      first_pass: firstPass,
      outcome,
      blocked_by: null,
      evidence_complete: rnd() < 0.7,
      checklist: '[]',
      created_at: iso(at),
      updated_at: iso(at),
    });
    for (const [type, attempt, result] of gates) {
      await w.add('aspm_release_gates', {
        release_id: id,
        type,
        attempt,
        outcome: result,
        reason: null,
        at: iso(at - (3 - attempt) * 600_000),
      });
    }
  }
  await w.flush();
}

async function generate(knex: Knex): Promise<Record<string, number>> {
  const rnd = prng(42);
  const w = new Writer(knex);
  const catalog = await generateCatalog(w, rnd);
  const exceptions = planExceptions(rnd, catalog.components);
  const trails = new Map(exceptions.map(x => [x.id, exceptionTrail(rnd, x)]));
  const exceptionsByEntity = new Map<string, GeneratedException[]>();
  for (const x of exceptions) {
    if (!exceptionsByEntity.has(x.entityRef))
      exceptionsByEntity.set(x.entityRef, []);
    exceptionsByEntity.get(x.entityRef)!.push(x);
  }
  await generateFindings(w, rnd, {
    components: catalog.components,
    exceptionsByEntity,
  });
  await writeExceptions(w, rnd, exceptions, trails);
  await generateScans(w, rnd, catalog.components);
  await generateReleases(w, rnd, catalog.components);
  return {
    components: catalog.components.length,
    groups: catalog.groups,
    systems: catalog.systems,
    domains: catalog.domains,
    ...w.counts,
  };
}

// ---------------------------------------------------------------------------
// Databases
// ---------------------------------------------------------------------------

interface Target {
  engine: Engine;
  /** SQLite: the file; PostgreSQL: the database's URL. */
  connection: string;
}

function open(target: Target): Knex {
  if (target.engine === 'sqlite') {
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: target.connection },
      useNullAsDefault: true,
    });
  }
  return knexFactory({ client: 'pg', connection: target.connection });
}

/** A new empty database: a file in a temporary folder, or a fresh PostgreSQL database. */
async function create(
  engine: Engine,
): Promise<{ target: Target; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aspm-metrics-bench-'));
    return {
      target: { engine, connection: path.join(dir, 'bench.sqlite') },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `aspm_metrics_bench_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: pgUrl });
  try {
    await admin.raw(`drop database if exists ${name}`);
    await admin.raw(`create database ${name}`);
  } finally {
    await admin.destroy();
  }
  return {
    target: { engine, connection: `${pgUrl}/${name}` },
    drop: async () => {
      const k = knexFactory({ client: 'pg', connection: pgUrl });
      try {
        await k.raw(`drop database if exists ${name}`);
      } finally {
        await k.destroy();
      }
    },
  };
}

/** Migrates (as the store does at startup), generates, and prepares the tables for reading. */
async function populate(target: Target) {
  const knex = open(target);
  try {
    await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const t0 = process.hrtime.bigint();
    const counts = await generate(knex);
    if (target.engine === 'pg') {
      for (const table of [
        'aspm_findings',
        'aspm_exceptions',
        'aspm_releases',
        'aspm_ingestions',
        'aspm_scans',
      ]) {
        await knex.raw(
          `select setval(pg_get_serial_sequence(?, 'id'), (select max(id) from ${table}))`,
          [table],
        );
      }
      // What autovacuum does on its own after a bulk load.
      await knex.raw('vacuum analyze');
    }
    return { counts, generateMs: elapsedMs(t0) };
  } finally {
    await knex.destroy();
  }
}

// ---------------------------------------------------------------------------
// Measurements (run in a child process per engine)
// ---------------------------------------------------------------------------

interface Result {
  engine: Engine;
  what: string;
  /** Best of the runs. */
  ms: number;
  /** The first run (cold process). */
  firstMs?: number;
  goalMs?: number;
  /** What the row is against the baseline, when it makes sense. */
  ratio?: number;
  note?: string;
}

/** Runs `fn` REPEAT times: first and best wall time, and the last value. */
async function time<T>(
  fn: () => Promise<T>,
): Promise<{ first: number; best: number; value: T }> {
  let first = 0;
  let best = Infinity;
  let value: T | undefined;
  for (let i = 0; i < REPEAT; i++) {
    const t0 = process.hrtime.bigint();
    value = await fn();
    const ms = elapsedMs(t0);
    if (i === 0) first = ms;
    best = Math.min(best, ms);
  }
  return { first, best, value: value as T };
}

/** Wraps a store to time its loadWorld calls (first start to last end). */
class TimedStore implements MetricsStore {
  spans: Array<[bigint, bigint]> = [];
  constructor(private readonly inner: MetricsStore) {}
  async loadWorld(options: Parameters<MetricsStore['loadWorld']>[0]) {
    const start = process.hrtime.bigint();
    try {
      return await this.inner.loadWorld(options);
    } finally {
      this.spans.push([start, process.hrtime.bigint()]);
    }
  }
  /** Wall time covered by the loads since the last take (they may overlap). */
  take(): number {
    if (!this.spans.length) return 0;
    const start = this.spans.reduce(
      (m, s) => (s[0] < m ? s[0] : m),
      this.spans[0][0],
    );
    const end = this.spans.reduce(
      (m, s) => (s[1] > m ? s[1] : m),
      this.spans[0][1],
    );
    this.spans = [];
    return Number(end - start) / 1e6;
  }
}

function metricSettings() {
  // The documented defaults, as the plugin reads them from an empty app-config.
  const config = readAspmConfig(new ConfigReader({}));
  return {
    config: config.metrics,
    ownershipKinds: config.ownership.kinds,
    rotationSlaDays: config.secrets.rotationSlaDaysByTier,
  };
}

/** The floor: a plain knex read of every finding and every event, the columns the metrics read. */
async function baseline(knex: Knex): Promise<number> {
  const { best } = await time(async () => {
    const findings = await knex('aspm_findings').select(
      'id',
      'entity_ref',
      'tool',
      'title',
      'category',
      'rule_id',
      'cwes',
      'severity',
      'epss',
      'known_exploited',
      'first_seen_at',
      'fixed_at',
      'state',
      'properties',
    );
    const events = await knex('aspm_finding_events').select(
      'finding_id',
      'type',
      'at',
      'from_value',
      'to_value',
    );
    return findings.length + events.length;
  });
  return best;
}

/** The component in the catalog at AS_OF with the most findings. */
async function busiestEntity(knex: Knex): Promise<string> {
  const asOf = `${AS_OF}T23:59:59.999Z`;
  const row = await knex('aspm_findings as f')
    .join('aspm_entity_history as h', 'h.entity_ref', 'f.entity_ref')
    .where('h.kind', 'component')
    .where('h.valid_from', '<=', asOf)
    .where(b => b.whereNull('h.valid_to').orWhere('h.valid_to', '>', asOf))
    .groupBy('f.entity_ref')
    .orderByRaw('count(*) desc, f.entity_ref')
    .first('f.entity_ref as ref');
  return row.ref;
}

/** The metrics computed from events: every metric for the org, and for one entity, as of a past date. */
async function measureComputed(
  knex: Knex,
  engine: Engine,
  results: Result[],
  baselineMs: number,
) {
  const store = new TimedStore(new DatabaseMetricsStore(knex));
  const service = new MetricsService({ store, ...metricSettings() });
  const now = new Date(NOW);

  // One world alone (the loader, no metric).
  const world = await time(() =>
    store.loadWorld({
      asOf: new Date(`${AS_OF}T23:59:59.999Z`),
      from: new Date(Date.parse(`${AS_OF}T23:59:59.999Z`) - 90 * DAY + 1),
      to: new Date(Date.parse(`${AS_OF}T23:59:59.999Z`) + 1),
      lookBackDays: 90,
    }),
  );
  store.take();
  results.push({
    engine,
    what: `loadWorld, one world (${world.value.findings.length} findings, ${world.value.fixes.length} fixes in window)`,
    ms: world.best,
    firstMs: world.first,
    ratio: world.best / baselineMs,
  });

  // The report: the current and the previous window, ten metrics each.
  let loads: number[] = [];
  const org = await time(async () => {
    const r = await service.report({ asOf: AS_OF }, now);
    loads.push(store.take());
    return r;
  });
  const loadBest = Math.min(...loads);
  results.push({
    engine,
    what: `all metrics, org, as of ${AS_OF}, from events`,
    ms: org.best,
    firstMs: org.first,
    goalMs: 5000,
    ratio: org.best / baselineMs,
    note: `${org.value.metrics.length} metrics`,
  });
  results.push({
    engine,
    what: '  of which loadWorld (both windows)',
    ms: loadBest,
    firstMs: loads[0],
    ratio: loadBest / baselineMs,
  });
  results.push({
    engine,
    what: '  of which computing the metrics',
    ms: org.best - loadBest,
    firstMs: org.first - loads[0],
  });

  // One entity: the busiest component (it still loads the world).
  const entity = await busiestEntity(knex);
  loads = [];
  const one = await time(async () => {
    const r = await service.report({ asOf: AS_OF, scope: entity }, now);
    loads.push(store.take());
    return r;
  });
  results.push({
    engine,
    what: `all metrics, one entity (${entity}), from events`,
    ms: one.best,
    firstMs: one.first,
    ratio: one.best / baselineMs,
    note: `loadWorld ${Math.round(Math.min(...loads))} ms`,
  });
  if (process.env.ASPM_BENCH_PRINT_VALUES) {
    for (const m of org.value.metrics) {
      console.error(`${m.id}: ${m.value} (${m.numerator}/${m.denominator})`);
    }
  }
}

const fmt = (n: number | null | undefined) =>
  n === undefined || n === null || Number.isNaN(n)
    ? ''
    : Math.round(n).toLocaleString('en-US');

/** p50 and p95 of `n` sequential calls, in ms. */
async function percentiles(n: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(elapsedMs(t0));
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(n - 1, Math.ceil(q * n) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
}

/**
 * The daily snapshot job for AS_OF and for the day its previous window
 * ends (what a report's direction reads), then the reports the portal asks
 * for, read from those snapshots: the org, and one entity (100 requests).
 */
async function measureSnapshots(knex: Knex, engine: Engine, results: Result[]) {
  const settings = metricSettings();
  const snapshotStore = new DatabaseSnapshotStore(knex);
  const store = new DatabaseMetricsStore(knex);
  const logger = mockServices.rootLogger({ level: 'warn' });
  const job = new SnapshotService({
    store,
    snapshots: snapshotStore,
    settings,
    logger,
  });
  const now = new Date(NOW);
  const previousDay = new Date(
    Date.parse(`${AS_OF}T00:00:00Z`) - settings.config.windowDays * DAY,
  )
    .toISOString()
    .slice(0, 10);
  let scopes = 0;
  const t0 = process.hrtime.bigint();
  scopes = await job.snapshotDay(AS_OF, now);
  const dayMs = elapsedMs(t0);
  const t1 = process.hrtime.bigint();
  await job.snapshotDay(previousDay, now);
  const previousMs = elapsedMs(t1);
  const rows = await knex('aspm_metric_snapshots').count({ n: '*' });
  results.push({
    engine,
    what: `daily snapshot job, one day (${scopes} scopes x 11 metrics)`,
    ms: dayMs,
    note: `second day ${fmt(previousMs)} ms; ${fmt(
      Number(rows[0].n),
    )} snapshot rows`,
  });

  const service = new MetricsService({
    store,
    snapshots: snapshotStore,
    ...settings,
  });
  const org = await time(() => service.report({ asOf: AS_OF }, now));
  if (org.value.source !== 'snapshot') {
    throw new Error(`the org report was ${org.value.source}, not snapshot`);
  }
  results.push({
    engine,
    what: `all metrics, org, as of ${AS_OF}, from snapshots`,
    ms: org.best,
    firstMs: org.first,
    goalMs: 500,
  });
  const entity = await busiestEntity(knex);
  const first = await service.report({ asOf: AS_OF, scope: entity }, now);
  if (first.source !== 'snapshot') {
    throw new Error(`the entity report was ${first.source}, not snapshot`);
  }
  const p = await percentiles(100, () =>
    service.report({ asOf: AS_OF, scope: entity }, now),
  );
  results.push({
    engine,
    what: `all metrics, one entity, from snapshots (p95 of 100)`,
    ms: p.p95,
    goalMs: 50,
    note: `p50 ${p.p50.toFixed(1)} ms`,
  });
}

/** Every measurement of one engine's generated database. */
async function measure(target: Target): Promise<Result[]> {
  const rssAtStart = Math.round(process.memoryUsage().rss / 2 ** 20);
  const knex = open(target);
  const results: Result[] = [];
  try {
    const baselineMs = await baseline(knex);
    results.push({
      engine: target.engine,
      what: 'baseline: knex select of every finding + every event',
      ms: baselineMs,
      ratio: 1,
    });
    await measureComputed(knex, target.engine, results, baselineMs);
    await measureSnapshots(knex, target.engine, results);
    results.push({
      engine: target.engine,
      what: 'peak RSS of the measuring process (MB)',
      ms: NaN,
      note: `${peakRssMb()} MB (${rssAtStart} MB with the code loaded)`,
    });
  } finally {
    await knex.destroy();
  }
  return results;
}

// ---------------------------------------------------------------------------

function printTable(engine: Engine, rows: Result[]) {
  const header = ['what', 'ms (best)', 'first', 'goal', 'x baseline', 'note'];
  const lines = rows.map(r => [
    r.what,
    fmt(r.ms),
    fmt(r.firstMs),
    r.goalMs ? `< ${fmt(r.goalMs)}` : '',
    r.ratio === undefined ? '' : r.ratio.toFixed(2),
    r.note ?? '',
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...lines.map(l => l[i].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === 0 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i]),
      )
      .join('  ');
  console.log(`\n${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`);
  console.log(line(header));
  for (const l of lines) console.log(line(l));
}

async function main() {
  if (process.env.ASPM_BENCH_MEASURE) {
    const target = JSON.parse(process.env.ASPM_BENCH_MEASURE) as Target;
    const results = await measure(target);
    process.stdout.write(`\n@@results ${JSON.stringify(results)}\n`);
    return;
  }
  const engines = (process.env.ASPM_BENCH_ENGINES ?? 'sqlite,pg')
    .split(',')
    .map(e => e.trim()) as Engine[];
  if (engines.includes('pg') && !(await pgAnswers(pgUrl))) {
    console.log(`PostgreSQL at ${pgUrl} does not answer: SQLite only`);
    engines.splice(engines.indexOf('pg'), 1);
  }
  console.log(
    `machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, ${Math.round(
      os.totalmem() / 2 ** 30,
    )} GiB, node ${
      process.version
    }; ${ENTITIES} components, ${FINDINGS} findings, as of ${AS_OF} (now ${iso(
      NOW,
    ).slice(0, 10)}), best of ${REPEAT}`,
  );
  const all: Result[] = [];
  for (const engine of engines) {
    const existing =
      engine === 'sqlite'
        ? process.env.ASPM_BENCH_SQLITE_FILE
        : process.env.ASPM_BENCH_PG_DB &&
          `${pgUrl}/${process.env.ASPM_BENCH_PG_DB}`;
    let target: Target;
    let drop = async () => {};
    if (existing) {
      target = { engine, connection: existing };
    } else {
      const created = await create(engine);
      target = created.target;
      drop = created.drop;
    }
    try {
      if (!existing) {
        const { counts, generateMs } = await populate(target);
        console.log(
          `${engine}: generated in ${fmt(generateMs)} ms: ${Object.entries(
            counts,
          )
            .map(([k, v]) => `${k.replace(/^aspm_/, '')} ${fmt(v)}`)
            .join(', ')}`,
        );
      }
      const out = execFileSync(
        process.execPath,
        [...process.execArgv, __filename],
        {
          env: { ...process.env, ASPM_BENCH_MEASURE: JSON.stringify(target) },
          stdio: ['ignore', 'pipe', 'inherit'],
          maxBuffer: 64 * 2 ** 20,
        },
      ).toString();
      const marker = out.lastIndexOf('@@results ');
      if (marker < 0) throw new Error(`no results from the child:\n${out}`);
      const rows = JSON.parse(out.slice(marker + 10)) as Result[];
      printTable(engine, rows);
      all.push(...rows);
    } finally {
      if (process.env.ASPM_BENCH_KEEP && !existing) {
        console.log(`kept ${engine} database: ${target.connection}`);
      } else if (!existing) {
        await drop();
      }
    }
  }
  console.log(JSON.stringify(all));
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
