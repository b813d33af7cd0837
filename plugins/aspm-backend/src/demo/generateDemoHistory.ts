import { AspmEntity } from '@aspm/plugin-aspm-common';
import {
  AGING_CRITICAL_NPM,
  AGING_CRITICAL_OS,
  CODE_RULES,
  OS_PACKAGES,
  PACKAGES,
  SECRET_RULES,
} from './catalogOfIssues';
import { poisson, seededRandom } from './random';

const WEEK_MS = 7 * 86_400_000;

/** The tools a demo entity is scanned with. */
export type DemoTool = 'semgrep' | 'trivy' | 'osv-scanner' | 'gitleaks';

/** One week's upload for one entity and tool: what POST /ingest receives. */
export interface DemoUpload {
  entityRef: string;
  tool: DemoTool;
  observedAt: Date;
  body: string;
}

interface Occurrence {
  n: number;
  template: number;
  severityBoost?: boolean;
  /** Present in the weeks [from, to) of each interval. */
  intervals: Array<[number, number]>;
}

/** Mean weeks to fix by severity rank (critical first), before team noise. */
const WEEKS_TO_FIX = [2, 5, 12, 24];
const NEVER_FIXED_SHARE = 0.25;
const REOPEN_SHARE = 0.1;

/** Lower severities are more common than criticals, as in real backlogs. */
const SEVERITY_WEIGHT = [1, 2, 5, 4];

function weightedTemplate(
  rand: () => number,
  templates: number,
  scoreOf: (template: number) => number,
): number {
  const weights = Array.from(
    { length: templates },
    (_, t) => SEVERITY_WEIGHT[rankOf(scoreOf(t))],
  );
  let r = rand() * weights.reduce((a, b) => a + b, 0);
  for (let t = 0; t < templates; t++) {
    r -= weights[t];
    if (r < 0) return t;
  }
  return templates - 1;
}

/**
 * Deliberate gaps on tier-1 Components, for the coverage views and the
 * "which tier-1 applications are under-scanned?" question: a service whose
 * team never wired a container scan, and one without a secret scan.
 */
const DEMO_SCAN_GAPS: Record<string, DemoTool> = {
  'component:default/fraud-scoring': 'trivy',
  'component:default/auth-gateway': 'gitleaks',
};

/** Which tools scan an entity: what a platform team would have wired. */
export function demoToolsFor(entity: AspmEntity): DemoTool[] {
  if (entity.kind !== 'component' || !entity.repository) return [];
  const tools: DemoTool[] = ['semgrep', 'osv-scanner'];
  if (entity.type === 'service') tools.push('trivy');
  const rand = seededRandom(`tools:${entity.entityRef}`);
  if (entity.tier === '1' || rand() < 0.4) tools.push('gitleaks');
  const gap = DEMO_SCAN_GAPS[entity.entityRef];
  return gap ? tools.filter(t => t !== gap) : tools;
}

function rankOf(severityScore: number): number {
  if (severityScore >= 9) return 0;
  if (severityScore >= 7) return 1;
  if (severityScore >= 4) return 2;
  return 3;
}

/**
 * Simulates which issues exist in which week: new ones arrive (Poisson),
 * each is fixed after a severity-dependent time (some never), some come back.
 * Internet-facing tier-1 services get one critical that is never fixed, so
 * the aging views have something to show.
 */
function simulate(
  entity: AspmEntity,
  tool: DemoTool,
  weeks: number,
  templates: number,
  scoreOf: (template: number) => number,
): Occurrence[] {
  const rand = seededRandom(`${entity.entityRef}:${tool}`);
  const arrivals = {
    semgrep: 0.45,
    'osv-scanner': 0.4,
    trivy: 0.35,
    gitleaks: 0.04,
  }[tool];
  const teamSpeed =
    0.6 + seededRandom(`speed:${entity.owningTeam ?? 'none'}`)() * 1.2;
  const occurrences: Occurrence[] = [];
  let n = 0;
  // A backlog that predates the history.
  const initial = tool === 'gitleaks' ? 0 : 2 + Math.floor(rand() * 4);
  for (let w = 0; w < weeks; w++) {
    const count = (w === 0 ? initial : 0) + poisson(rand, arrivals);
    for (let i = 0; i < count; i++) {
      const template = weightedTemplate(rand, templates, scoreOf);
      const rank = rankOf(scoreOf(template));
      // Criticals and highs get fixed eventually (but for the planted ones below).
      const never = rank >= 2 && rand() < NEVER_FIXED_SHARE;
      const fixAfter = Math.max(
        1,
        Math.round(WEEKS_TO_FIX[rank] * teamSpeed * (0.3 + rand() * 1.4)),
      );
      const to = never ? weeks : Math.min(weeks, w + fixAfter);
      const intervals: Array<[number, number]> = [[w, to]];
      if (to < weeks - 3 && rand() < REOPEN_SHARE) {
        const back = to + 2 + Math.floor(rand() * 4);
        intervals.push([
          back,
          Math.min(weeks, back + 1 + Math.floor(rand() * 6)),
        ]);
      }
      occurrences.push({ n: n++, template, intervals });
    }
  }
  if (
    entity.tier === '1' &&
    entity.exposure === 'internet' &&
    (tool === 'trivy' || (tool === 'osv-scanner' && entity.type !== 'service'))
  ) {
    const start = 8 + Math.floor(rand() * 10);
    occurrences.push({
      n: n++,
      template: -1,
      severityBoost: true,
      intervals: [[start, weeks]],
    });
  }
  return occurrences;
}

const present = (o: Occurrence, w: number) =>
  o.intervals.some(([a, b]) => w >= a && w < b);

function semgrepSarif(at: Date, items: Occurrence[]): unknown {
  const rules = CODE_RULES.map(r => ({
    id: r.id,
    name: r.id.split('.').pop(),
    shortDescription: { text: r.title },
    helpUri: `https://semgrep.dev/r/${r.id}`,
    properties: {
      'security-severity': String(r.score),
      tags: [`${r.cwe}`, 'security'],
    },
  }));
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: { name: 'Semgrep OSS', semanticVersion: '1.84.1', rules },
        },
        invocations: [
          { executionSuccessful: true, endTimeUtc: at.toISOString() },
        ],
        results: items.map(o => {
          const rule = CODE_RULES[Math.max(0, o.template)];
          return {
            ruleId: rule.id,
            ruleIndex: Math.max(0, o.template),
            level: rule.score >= 7 ? 'error' : 'warning',
            message: { text: `${rule.title} (occurrence ${o.n})` },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: {
                    uri: rule.path.replace(
                      '.ts',
                      `${o.n % 3 ? `-${o.n}` : ''}.ts`,
                    ),
                  },
                  region: {
                    startLine: 10 + ((o.n * 7) % 200),
                    snippet: { text: `demoCall${o.n}(req.query.input)` },
                  },
                },
              },
            ],
          };
        }),
      },
    ],
  };
}

function trivyJson(entity: AspmEntity, at: Date, items: Occurrence[]): unknown {
  const image = `registry.acme.example/${entity.name}:main`;
  return {
    SchemaVersion: 2,
    CreatedAt: at.toISOString(),
    ArtifactName: image,
    ArtifactType: 'container_image',
    Results: [
      {
        Target: `${image} (debian 12.5)`,
        Class: 'os-pkgs',
        Type: 'debian',
        Vulnerabilities: items.map(o => {
          const p = o.severityBoost
            ? AGING_CRITICAL_OS
            : OS_PACKAGES[o.template % OS_PACKAGES.length];
          return {
            VulnerabilityID: p.cve,
            PkgName: p.name,
            InstalledVersion: p.version,
            FixedVersion: p.fixed || undefined,
            Severity: p.severity,
            Title: `${p.name}: ${p.cve}`,
            PrimaryURL: `https://avd.aquasec.com/nvd/${p.cve.toLowerCase()}`,
            CVSS: { nvd: { V3Score: p.score } },
          };
        }),
      },
    ],
  };
}

function osvJson(items: Occurrence[]): unknown {
  const byPackage = new Map<string, Occurrence[]>();
  for (const o of items) {
    const p = o.severityBoost
      ? AGING_CRITICAL_NPM
      : PACKAGES[o.template % PACKAGES.length];
    byPackage.set(p.name, [...(byPackage.get(p.name) ?? []), o]);
  }
  return {
    results: [
      {
        source: { path: '/src/package-lock.json', type: 'lockfile' },
        packages: [...byPackage.keys()].map(name => {
          const p = [...PACKAGES, AGING_CRITICAL_NPM].find(
            x => x.name === name,
          )!;
          return {
            package: { name: p.name, version: p.version, ecosystem: 'npm' },
            vulnerabilities: [
              {
                id: p.id,
                summary: `${p.name} before ${p.fixed} is vulnerable (${p.cve})`,
                aliases: [p.cve],
                database_specific: {
                  severity: p.severity === 'MEDIUM' ? 'MODERATE' : p.severity,
                },
                affected: [
                  {
                    package: { ecosystem: 'npm', name: p.name },
                    ranges: [
                      {
                        type: 'SEMVER',
                        events: p.fixed
                          ? [{ introduced: '0' }, { fixed: p.fixed }]
                          : [{ introduced: '0' }],
                      },
                    ],
                  },
                ],
              },
            ],
            groups: [
              {
                ids: [p.id],
                aliases: [p.cve, p.id],
                max_severity: String(p.score),
              },
            ],
          };
        }),
      },
    ],
  };
}

function gitleaksJson(items: Occurrence[]): unknown {
  return items.map(o => {
    const r = SECRET_RULES[o.template % SECRET_RULES.length];
    return {
      Description: r.title,
      StartLine: 3 + o.n,
      EndLine: 3 + o.n,
      StartColumn: 12,
      EndColumn: 52,
      Match: 'REDACTED',
      Secret: 'REDACTED',
      File: r.path,
      Commit: `c0ffee${String(o.n).padStart(4, '0')}`,
      Entropy: 4.2,
      Author: 'demo',
      Email: 'demo@acme.example',
      Date: '2026-01-01T00:00:00Z',
      Message: 'demo commit',
      Tags: [],
      RuleID: r.id,
      Fingerprint: `c0ffee:${r.path}:${r.id}:${3 + o.n}`,
    };
  });
}

/**
 * A year (by default) of weekly uploads for one entity and tool, oldest
 * first, ending in the week of `now`. Deterministic for a given entity and
 * week: reloading the demo gives the same history.
 */
export function demoUploadsFor(
  entity: AspmEntity,
  tool: DemoTool,
  options: { now: Date; weeks?: number },
): DemoUpload[] {
  const weeks = options.weeks ?? 52;
  // Weekly slots start on Mondays at 06:00 UTC; each entity and tool scans at
  // a fixed offset (< 21 h) into its slot. The newest slot is the latest one
  // whose scan time has passed, so the history is the same all week and never
  // in the future.
  const offsetMs = Math.floor(
    seededRandom(`offset:${entity.entityRef}:${tool}`)() * 20 * 3600_000,
  );
  const monday = new Date(options.now);
  monday.setUTCHours(6, 0, 0, 0);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  while (monday.getTime() + 21 * 3600_000 > options.now.getTime()) {
    monday.setTime(monday.getTime() - WEEK_MS);
  }
  const start = monday.getTime() - (weeks - 1) * WEEK_MS;

  const templates = {
    semgrep: CODE_RULES.length,
    trivy: OS_PACKAGES.length,
    'osv-scanner': PACKAGES.length,
    gitleaks: SECRET_RULES.length,
  }[tool];
  const scoreOf = (t: number) => {
    if (tool === 'semgrep') return CODE_RULES[t].score;
    if (tool === 'trivy') return OS_PACKAGES[t].score;
    if (tool === 'osv-scanner') return PACKAGES[t].score;
    return 8;
  };
  let occurrences = simulate(entity, tool, weeks, templates, scoreOf);
  if (tool !== 'semgrep') {
    // One finding per advisory and package in these formats: keep the first.
    const seen = new Set<number>();
    occurrences = occurrences.filter(o => {
      const key = o.severityBoost ? -1 : o.template % templates;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  const uploads: DemoUpload[] = [];
  for (let w = 0; w < weeks; w++) {
    const at = new Date(start + w * WEEK_MS + offsetMs);
    const items = occurrences.filter(o => present(o, w));
    let doc: unknown;
    if (tool === 'semgrep') doc = semgrepSarif(at, items);
    else if (tool === 'trivy') doc = trivyJson(entity, at, items);
    else if (tool === 'osv-scanner') doc = osvJson(items);
    else doc = gitleaksJson(items);
    uploads.push({
      entityRef: entity.entityRef,
      tool,
      observedAt: at,
      body: JSON.stringify(doc),
    });
  }
  return uploads;
}
