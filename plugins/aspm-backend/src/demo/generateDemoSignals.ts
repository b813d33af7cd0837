import {
  AspmEntity,
  DeploymentInput,
  IncidentActionsInput,
  REPO_PROTECTION_CHECKS,
  ReleaseInput,
  ReviewInput,
} from '@aspm/plugin-aspm-common';
import { pick, seededRandom } from './random';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

/** What the demo posts for its program signals, as the tools would. */
export interface DemoSignals {
  reviews: ReviewInput[];
  incidents: Array<{ id: string; body: IncidentActionsInput }>;
  deployments: DeploymentInput[];
  /** OpenSSF Scorecard JSON results, pushed through POST /ingest. */
  scorecards: Array<{ entityRef: string; observedAt: Date; doc: unknown }>;
  /** Components that moved onto their golden path during the year, and when. */
  goldenPathOnboarding: { until: Date; entityRefs: string[] };
}

const iso = (ms: number) => new Date(ms).toISOString();
const isComponent = (e: AspmEntity) =>
  e.kind.toLocaleLowerCase('en-US') === 'component';

/** The gates' last attempts all passed or warned: the candidate shipped. */
function shipped(r: ReleaseInput): boolean {
  const last = new Map<string, { attempt: number; outcome: string }>();
  for (const g of r.gates) {
    const prev = last.get(g.type);
    if (!prev || g.attempt > prev.attempt) last.set(g.type, g);
  }
  return [...last.values()].every(g => g.outcome !== 'fail');
}

/**
 * Production deploys of the shipped production candidates a few hours
 * after their release; some later fail (a third of those through a missing
 * or bypassed security control) and are restored hours later.
 */
function demoDeployments(
  releases: ReleaseInput[],
  tiers: Map<string, string | undefined>,
  now: number,
): DeploymentInput[] {
  const out: DeploymentInput[] = [];
  for (const r of releases) {
    if (r.environment !== 'production' || !shipped(r)) continue;
    const rand = seededRandom(`deploy ${r.entityRef} ${r.version}`);
    const deployedAt = Date.parse(r.releasedAt) + (1 + rand() * 5) * HOUR_MS;
    if (deployedAt > now) continue;
    const tier = tiers.get(r.entityRef);
    // Bigger batches, longer lead times further down the tiers.
    const leadDays = tier === '1' ? 1 + rand() * 4 : 2 + rand() * 10;
    const failRate = tier === '3' ? 0.18 : 0.09;
    const deploy: DeploymentInput = {
      entityRef: r.entityRef,
      environment: 'production',
      version: r.version,
      deployedAt: iso(deployedAt),
      firstCommitAt: iso(deployedAt - leadDays * DAY_MS),
      source: 'ci',
      externalId: `deploy-${r.version}`,
    };
    if (rand() < failRate) {
      const failedAt = deployedAt + (0.5 + rand() * 10) * HOUR_MS;
      const restoredAt = failedAt + (0.3 + rand() * rand() * 30) * HOUR_MS;
      if (failedAt <= now) {
        deploy.failedAt = iso(failedAt);
        deploy.causedByControlGap = rand() < 0.35;
        if (restoredAt <= now) deploy.restoredAt = iso(restoredAt);
      }
    }
    out.push(deploy);
  }
  return out;
}

/**
 * Threat models and design reviews of the tier-1 and tier-2 Components
 * (a few tier-1 ones never get one: the gap the coverage metric shows),
 * pentests of tier-1 ones; first responses faster late in the year than
 * early, and the last weeks' requests still waiting.
 */
function demoReviews(
  components: AspmEntity[],
  start: number,
  now: number,
): ReviewInput[] {
  const out: ReviewInput[] = [];
  let n = 100;
  for (const e of components) {
    if (e.tier !== '1' && e.tier !== '2') continue;
    const rand = seededRandom(`reviews ${e.entityRef}`);
    if (e.tier === '1' && rand() < 0.2) continue; // never reviewed
    const kinds: ReviewInput['kind'][] =
      e.tier === '1'
        ? ['threat-model', 'pentest', 'design-review']
        : ['design-review'];
    for (const kind of kinds) {
      if (kind === 'design-review' && e.tier === '1' && rand() < 0.5) continue;
      const requested = start + rand() * (now - start - 3 * DAY_MS);
      // Early in the year the security team answered in about 9 days, late
      // in it in about 3.
      const progress = (requested - start) / (now - start);
      const waitDays = (9 - 6 * progress) * (0.4 + rand() * 1.2);
      const firstResponse = requested + waitDays * DAY_MS;
      const completed = firstResponse + (4 + rand() * 25) * DAY_MS;
      n += 1;
      const review: ReviewInput = {
        entityRef: e.entityRef,
        kind,
        source: 'jira',
        externalId: `SEC-${n}`,
        title: `${kind.replace('-', ' ')} of ${e.title ?? e.name}`,
        requestedAt: iso(requested),
        link: `https://jira.example.com/browse/SEC-${n}`,
      };
      if (firstResponse <= now) review.firstResponseAt = iso(firstResponse);
      if (firstResponse <= now && completed <= now) {
        review.completedAt = iso(completed);
        review.outcome = rand() < 0.7 ? 'approved' : 'approved-with-actions';
      }
      out.push(review);
    }
  }
  // Three requests of the last week nobody has answered yet.
  components
    .filter(e => e.tier === '1')
    .slice(0, 3)
    .forEach((e, i) => {
      n += 1;
      out.push({
        entityRef: e.entityRef,
        kind: 'design-review',
        source: 'jira',
        externalId: `SEC-${n}`,
        title: `design review of a change to ${e.title ?? e.name}`,
        requestedAt: iso(now - (1 + i * 2.5) * DAY_MS),
        link: `https://jira.example.com/browse/SEC-${n}`,
      });
    });
  return out;
}

const ACTION_TITLES = [
  'Rotate the exposed credentials',
  'Add an alert for the failure mode',
  'Write a regression test',
  'Remove the over-broad IAM role',
  'Patch the vulnerable dependency',
  'Document the runbook step',
  'Enable rate limiting on the endpoint',
];

/**
 * Eight incidents over the year (six security-related, the latest among
 * them), each with two to four follow-up actions owned by the affected
 * services; the latest ones still open, some past their due date.
 */
function demoIncidents(
  components: AspmEntity[],
  start: number,
  now: number,
): DemoSignals['incidents'] {
  const rand = seededRandom('incidents');
  const candidates = components.filter(e => e.tier === '1' || e.tier === '2');
  const out: DemoSignals['incidents'] = [];
  for (let i = 1; i <= 8; i++) {
    const opened = start + ((i - 0.5) / 8) * (now - start - 5 * DAY_MS);
    const service = pick(rand, candidates);
    const neighbour = pick(rand, candidates);
    const id = `INC-${2000 + i}`;
    const actions: IncidentActionsInput['actions'] = [];
    const count = 2 + Math.floor(rand() * 3);
    for (let a = 1; a <= count; a++) {
      const created = opened + (1 + rand() * 3) * DAY_MS;
      const due = created + (14 + Math.floor(rand() * 17)) * DAY_MS;
      // The latest incident's follow-ups are slow: most still open.
      const closed =
        created + (3 + rand() * rand() * 80 + (i === 8 ? 40 : 0)) * DAY_MS;
      actions.push({
        id: `${id}-${a}`,
        title: pick(rand, ACTION_TITLES),
        ownerEntityRef: (a === count && count > 2 ? neighbour : service)
          .entityRef,
        createdAt: iso(Math.min(created, now)),
        dueAt: iso(due),
        ...(closed <= now ? { closedAt: iso(closed) } : {}),
      });
    }
    out.push({
      id,
      body: {
        incident: {
          title: `Incident ${id} on ${service.title ?? service.name}`,
          severity: pick(rand, ['sev1', 'sev2', 'sev2', 'sev3'] as const),
          securityRelated: i !== 2 && i !== 5,
          openedAt: iso(opened),
          link: `https://incidents.example.com/${id}`,
        },
        actions,
      },
    });
  }
  return out;
}

const OTHER_CHECKS = [
  'Binary-Artifacts',
  'Code-Review',
  'Maintained',
  'Security-Policy',
  'Vulnerabilities',
];

/**
 * Monthly OpenSSF Scorecard runs of the repositories, from the month the
 * platform team rolled Scorecard out (four months before now: the counting
 * change of repo_protection_coverage). Tier-1 repositories score high on
 * the protections, with a few gaps (unpinned dependencies, broad tokens)
 * that close over the months.
 */
function demoScorecards(
  components: AspmEntity[],
  now: number,
): DemoSignals['scorecards'] {
  const out: DemoSignals['scorecards'] = [];
  const rollout = now - 16 * WEEK_MS;
  for (const e of components) {
    const slug = e.repository?.slug;
    if (!slug) continue;
    const rand = seededRandom(`scorecard ${e.entityRef}`);
    const strict = e.tier === '1' ? 0.75 : 0.45;
    const base = Object.fromEntries(
      REPO_PROTECTION_CHECKS.map(c => [
        c,
        rand() < strict
          ? 8 + Math.floor(rand() * 3)
          : 3 + Math.floor(rand() * 5),
      ]),
    );
    const fixMonth = Math.floor(rand() * 6);
    for (let m = 0; m < 4; m++) {
      const at = rollout + m * 4 * WEEK_MS + Math.floor(rand() * 3) * DAY_MS;
      if (at > now) break;
      const checks = [
        ...REPO_PROTECTION_CHECKS.map(name => {
          // Gaps on some repositories close a few months in.
          const score =
            base[name] < 8 && m >= fixMonth && rand() < 0.5 ? 8 : base[name];
          return {
            name,
            score,
            reason:
              score >= 8 ? 'meets the protection baseline' : 'below baseline',
            details: null,
          };
        }),
        ...OTHER_CHECKS.map(name => ({
          name,
          score: rand() < 0.1 ? -1 : Math.floor(rand() * 11),
          reason: 'generated by the demo',
          details: null,
        })),
      ];
      const scored = checks.filter(c => c.score >= 0);
      const day = iso(at).slice(0, 10);
      out.push({
        entityRef: e.entityRef,
        observedAt: new Date(at),
        doc: {
          date: day,
          repo: {
            name: `github.com/${slug}`,
            commit: seededRandom(`${slug} ${day}`)()
              .toString(16)
              .slice(2)
              .padEnd(40, '0')
              .slice(0, 40),
          },
          scorecard: { version: 'v5.0.0', commit: 'demo' },
          score:
            Math.round(
              (scored.reduce((s, c) => s + c.score, 0) / scored.length) * 10,
            ) / 10,
          checks,
          metadata: null,
        },
      });
    }
  }
  return out;
}

/**
 * The demo's program signals over `weeks` (default 52) before `now`,
 * seeded so every load is the same: security reviews, incident follow-up
 * actions, production deploys of the demo's releases, OpenSSF Scorecard
 * runs, and four golden-path Components that moved onto their golden path
 * three months ago.
 */
export function generateDemoSignals(
  entities: AspmEntity[],
  releases: ReleaseInput[],
  options: { now: Date; weeks?: number },
): DemoSignals {
  const now = options.now.getTime();
  const start = now - (options.weeks ?? 52) * WEEK_MS;
  const components = entities
    .filter(isComponent)
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  const tiers = new Map(components.map(e => [e.entityRef, e.tier]));
  const onGoldenPath = components.filter(e => e.goldenPath);
  return {
    reviews: demoReviews(components, start, now),
    incidents: demoIncidents(components, start, now),
    deployments: demoDeployments(releases, tiers, now),
    scorecards: demoScorecards(components, now),
    goldenPathOnboarding: {
      until: new Date(now - 13 * WEEK_MS),
      entityRefs: onGoldenPath
        .filter((_, i) => i % 3 === 1)
        .slice(0, 4)
        .map(e => e.entityRef),
    },
  };
}
