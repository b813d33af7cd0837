import { createHash } from 'node:crypto';
import { AspmEntity, GateType, ReleaseInput } from '@aspm/plugin-aspm-common';
import { CODE_RULES, PACKAGES } from './catalogOfIssues';
import { pick, seededRandom } from './random';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

type Gate = ReleaseInput['gates'][number];
type Evidence = ReleaseInput['evidence'][number];

/** How often an entity of a tier ships, and how sloppy its evidence is. */
interface TierProfile {
  /** Days between production releases, before jitter. */
  cadenceDays: number;
  /** Chance that a cycle is skipped (holidays, freezes, nothing to ship). */
  skip: number;
  /**
   * Average chances that a production release lacks its SBOM, provenance or
   * approver (higher early in the window, lower late).
   */
  missingSbom: number;
  missingProvenance: number;
  missingApprover: number;
}

const PROFILES: Record<'1' | '2' | '3', TierProfile> = {
  '1': {
    cadenceDays: 7,
    skip: 0.5,
    missingSbom: 0.06,
    missingProvenance: 0.03,
    missingApprover: 0.03,
  },
  '2': {
    cadenceDays: 14,
    skip: 0.35,
    missingSbom: 0.1,
    missingProvenance: 0.05,
    missingApprover: 0.05,
  },
  '3': {
    cadenceDays: 30,
    skip: 0.15,
    missingSbom: 0.22,
    missingProvenance: 0.12,
    missingApprover: 0.1,
  },
};

/** Chance that a candidate fails a gate: at the start and at the end of the window. */
const FAIL_START = 0.35;
const FAIL_END = 0.15;
/** Of the failing candidates, the share whose re-run passes (the rest are blocked). */
const RERUN_SHARE = 0.64;
/** Chance that a candidate carries a warning on some gate. */
const WARN_SHARE = 0.03;

/** Users of the demo org (examples/org.yaml) who approve production releases. */
const APPROVERS = [
  'user:default/alice',
  'user:default/niaj',
  'user:default/olivia',
  'user:default/grace',
  'user:default/trent',
];

const BUILDER_ID =
  'https://github.com/acme/.github/.github/workflows/release.yml@refs/heads/main';
const BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';

/** Which gate fails, when one does: dependency and code scans most often. */
const FAIL_WEIGHTS: Record<GateType, number> = {
  sca: 4,
  sast: 3,
  secrets: 1.5,
  iac: 1.5,
  dast: 1.5,
  policy: 1.5,
  signing: 0.5,
  evidence: 0.5,
};

const SECRET_REASONS = [
  'hard-coded AWS access key in src/config.ts',
  'GitHub personal access token in .github/scripts/release.sh',
  'Slack webhook URL in config/notify.yaml',
  'private key committed in certs/dev.key',
];
const IAC_REASONS = [
  'S3 bucket without server-side encryption in infra/storage.tf (CKV_AWS_19)',
  'security group open to 0.0.0.0/0 on port 22 in infra/network.tf (CKV_AWS_24)',
  'container runs as root in Dockerfile (CKV_DOCKER_8)',
  'pod without resource limits in deploy/k8s/deployment.yaml (CKV_K8S_11)',
];
const DAST_REASONS = [
  'reflected XSS on /search?q= (ZAP 40012)',
  'SQL injection on /api/orders?sort= (ZAP 40018)',
  'session cookie without the Secure flag (ZAP 10011)',
];
const SIGNING_REASONS = [
  'cosign sign failed: OIDC token request timed out',
  'no signature found for the artifact digest',
];
const EVIDENCE_REASONS = [
  'SBOM generation failed: cdxgen exited with code 1',
  'provenance upload failed: 502 from the attestation store',
];
const POLICY_REASONS = [
  '2 critical findings open for more than 30 days without an exception',
  'base image node:18 is past end of life',
  'release outside the change window without an emergency approval',
];

/** Packages an SBOM lists; each entity uses a stable subset. */
const SBOM_PACKAGES: Array<[string, string]> = [
  ['express', '4.19.2'],
  ['lodash', '4.17.21'],
  ['axios', '1.7.2'],
  ['pino', '9.2.0'],
  ['zod', '3.23.8'],
  ['uuid', '9.0.1'],
  ['dayjs', '1.11.11'],
  ['jsonwebtoken', '9.0.2'],
  ['semver', '7.6.2'],
  ['knex', '3.1.0'],
  ['pg', '8.12.0'],
  ['helmet', '7.1.0'],
  ['cors', '2.8.5'],
  ['dotenv', '16.4.5'],
  ['react', '18.3.1'],
  ['react-dom', '18.3.1'],
];

const sha256Hex = (text: string) =>
  createHash('sha256').update(text).digest('hex');

const artifactHex = (entityRef: string, version: string) =>
  sha256Hex(`${entityRef}@${version}`);

function profileOf(entity: AspmEntity): TierProfile {
  return entity.tier === '1' || entity.tier === '2'
    ? PROFILES[entity.tier]
    : PROFILES['3'];
}

/** Entities the demo releases: components with a repository, still in the catalog. */
function isReleasing(entity: AspmEntity): boolean {
  return entity.kind === 'component' && !!entity.repository && !entity.goneAt;
}

function repoSlug(entity: AspmEntity): string {
  return entity.repository?.slug ?? `acme/${entity.name}`;
}

/**
 * A production release time on or after `ms`: Tuesday to Friday (so its
 * staging release the day before is a working day too), 09:00-17:00 UTC.
 */
function workingTime(ms: number, rand: () => number): number {
  const day = new Date(ms);
  day.setUTCHours(0, 0, 0, 0);
  const weekday = day.getUTCDay();
  const shift = { 0: 2, 1: 1, 6: 3 }[weekday as 0 | 1 | 6] ?? 0;
  return (
    day.getTime() +
    shift * DAY_MS +
    9 * HOUR_MS +
    Math.floor(rand() * 8 * HOUR_MS)
  );
}

/** A GitHub Actions run id: grows with time, like the real ones. */
function runId(entityRef: string, version: string, at: number): number {
  const jitter = parseInt(artifactHex(entityRef, version).slice(0, 2), 16) % 8;
  return Math.floor(at / 1000) * 8 + jitter;
}

function failReason(type: GateType, rand: () => number): string {
  switch (type) {
    case 'sca': {
      const severe = PACKAGES.filter(
        p => p.severity === 'CRITICAL' || p.severity === 'HIGH',
      );
      const p = pick(rand, severe);
      const count = 1 + Math.floor(rand() * 3);
      return `${count} ${p.severity.toLowerCase()} ${
        count === 1 ? 'advisory' : 'advisories'
      } in ${p.name} ${p.version} (${p.id})`;
    }
    case 'sast': {
      const rule = pick(
        rand,
        CODE_RULES.filter(r => r.score >= 7),
      );
      return `${rule.title} in ${rule.path} (${rule.id.split('.').pop()})`;
    }
    case 'secrets':
      return pick(rand, SECRET_REASONS);
    case 'iac':
      return pick(rand, IAC_REASONS);
    case 'dast':
      return pick(rand, DAST_REASONS);
    case 'signing':
      return pick(rand, SIGNING_REASONS);
    case 'evidence':
      return pick(rand, EVIDENCE_REASONS);
    default:
      return pick(rand, POLICY_REASONS);
  }
}

function warnReason(type: GateType, rand: () => number): string {
  switch (type) {
    case 'sca': {
      const p = pick(
        rand,
        PACKAGES.filter(x => x.severity === 'MEDIUM'),
      );
      return `1 moderate advisory in ${p.name} ${p.version} (fix available)`;
    }
    case 'sast':
      return 'Math.random used for a security token in src/auth/tokens.ts (audit rule)';
    case 'dast':
      return 'missing Content-Security-Policy header on /';
    case 'iac':
      return 'S3 bucket without access logging in infra/storage.tf';
    default:
      return 'an exception used by this release expires in 7 days';
  }
}

function weightedGate(types: GateType[], rand: () => number): GateType {
  let r = rand() * types.reduce((sum, t) => sum + FAIL_WEIGHTS[t], 0);
  for (const t of types) {
    r -= FAIL_WEIGHTS[t];
    if (r < 0) return t;
  }
  return types[types.length - 1];
}

/**
 * Gate results of one candidate: every gate at attempt 1; when one fails,
 * either its re-run (attempt 2) passes, or the candidate is blocked (no
 * re-run, or a re-run that fails again).
 */
function gateResults(
  types: GateType[],
  releasedAt: number,
  failChance: number,
  rand: () => number,
  evidenceWarning: string | undefined,
): { gates: Gate[]; blocked: boolean } {
  const fails = rand() < failChance ? weightedGate(types, rand) : undefined;
  const rerunPasses = rand() < RERUN_SHARE;
  const rerunOnBlock = rand() < 0.5;
  const warnable = types.filter(
    t => t !== fails && ['sca', 'sast', 'dast', 'iac', 'policy'].includes(t),
  );
  const warns =
    rand() < WARN_SHARE && warnable.length > 0
      ? pick(rand, warnable)
      : undefined;
  const firstRun = releasedAt - (30 + Math.floor(rand() * 20)) * 60_000;
  const at = (ms: number) => new Date(ms).toISOString();

  const gates: Gate[] = types.map((type, i) => {
    const when = at(firstRun + i * 60_000);
    if (type === fails) {
      return {
        type,
        outcome: 'fail',
        attempt: 1,
        reason: failReason(type, rand),
        at: when,
      };
    }
    if (type === warns) {
      return {
        type,
        outcome: 'warn',
        attempt: 1,
        reason: warnReason(type, rand),
        at: when,
      };
    }
    if (type === 'evidence' && evidenceWarning) {
      return {
        type,
        outcome: 'warn',
        attempt: 1,
        reason: evidenceWarning,
        at: when,
      };
    }
    return { type, outcome: 'pass', attempt: 1, at: when };
  });
  if (!fails) return { gates, blocked: false };

  const rerunAt = at(releasedAt - (2 + Math.floor(rand() * 10)) * 60_000);
  if (rerunPasses) {
    gates.push({ type: fails, outcome: 'pass', attempt: 2, at: rerunAt });
    return { gates, blocked: false };
  }
  if (rerunOnBlock) {
    gates.push({
      type: fails,
      outcome: 'fail',
      attempt: 2,
      reason: failReason(fails, rand),
      at: rerunAt,
    });
  }
  return { gates, blocked: true };
}

function cycloneDx(
  entity: AspmEntity,
  version: string,
  builtAt: number,
  rand: () => number,
): Record<string, unknown> {
  // A stable set of dependencies per entity, growing a little now and then.
  const order = seededRandom(`sbom:${entity.entityRef}`);
  const shuffled = SBOM_PACKAGES.map(p => ({ p, k: order() }))
    .sort((a, b) => a.k - b.k)
    .map(x => x.p);
  const base = 3 + Math.floor(order() * 8);
  const count = Math.min(12, base + (rand() < 0.3 ? 1 : 0));
  const hex = sha256Hex(`bom:${entity.entityRef}@${version}`);
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(
      13,
      16,
    )}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
    version: 1,
    metadata: {
      timestamp: new Date(builtAt).toISOString(),
      tools: { components: [{ name: 'cdxgen', version: '10.9.0' }] },
      component: { type: 'application', name: entity.name, version },
    },
    components: shuffled.slice(0, count).map(([name, v]) => ({
      type: 'library',
      name,
      version: v,
      purl: `pkg:npm/${name}@${v}`,
    })),
  };
}

/** SLSA v1 provenance for `subjectVersion`'s artifact, in a signed DSSE envelope. */
function provenanceEnvelope(
  entity: AspmEntity,
  subjectVersion: string,
  version: string,
  pipelineUrl: string,
  builtAt: number,
): Record<string, unknown> {
  const slug = repoSlug(entity);
  const ref = `refs/tags/v${version}`;
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [
      {
        name: `${entity.name}-${subjectVersion}.tgz`,
        digest: { sha256: artifactHex(entity.entityRef, subjectVersion) },
      },
    ],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {
      buildDefinition: {
        buildType: BUILD_TYPE,
        externalParameters: {
          workflow: {
            ref,
            repository: `https://github.com/${slug}`,
            path: '.github/workflows/release.yml',
          },
        },
        resolvedDependencies: [
          {
            uri: `git+https://github.com/${slug}@${ref}`,
            digest: {
              gitCommit: createHash('sha1')
                .update(`${entity.entityRef}@${version}`)
                .digest('hex'),
            },
          },
        ],
      },
      runDetails: {
        builder: { id: BUILDER_ID },
        metadata: {
          invocationId: pipelineUrl,
          startedOn: new Date(builtAt).toISOString(),
        },
      },
    },
  };
  return {
    payloadType: 'application/vnd.in-toto+json',
    payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
    signatures: [
      {
        keyid: '',
        sig: createHash('sha512')
          .update(`sig:${entity.entityRef}@${version}`)
          .digest('base64'),
      },
    ],
  };
}

interface TimeWindow {
  start: number;
  end: number;
}

/** Releases of one entity, oldest first. */
function releasesOf(
  entity: AspmEntity,
  window: TimeWindow,
  mismatchAt: number | undefined,
): ReleaseInput[] {
  const profile = profileOf(entity);
  const ref = entity.entityRef;
  const slug = repoSlug(entity);
  const rand = seededRandom(`releases:${ref}`);
  const withIac = seededRandom(`iac:${ref}`)() < 0.5;
  const withDast = entity.tier === '1' && entity.exposure === 'internet';
  // Some teams are more careful than others.
  const care = 0.75 + seededRandom(`care:${entity.owningTeam ?? ref}`)() * 0.5;
  const baseTypes: GateType[] = ['sast', 'sca', 'secrets'];
  if (withIac) baseTypes.push('iac');
  if (withDast) baseTypes.push('dast');
  const prodTypes: GateType[] = [...baseTypes, 'signing', 'evidence', 'policy'];
  const progress = (ms: number) =>
    Math.min(
      1,
      Math.max(0, (ms - window.start) / (window.end - window.start || 1)),
    );
  const failChance = (ms: number) =>
    (FAIL_START + (FAIL_END - FAIL_START) * progress(ms)) * care;

  const out: ReleaseInput[] = [];
  let minor = 1 + Math.floor(rand() * 12);
  let productionCount = 0;
  let day =
    window.start + DAY_MS + Math.floor(rand() * profile.cadenceDays * DAY_MS);
  for (;;) {
    const prodAt = workingTime(day, rand);
    const stagingAt = prodAt - DAY_MS - Math.floor(rand() * 2 * HOUR_MS);
    if (stagingAt > window.end) break;
    const version = `1.${minor}.0`;
    minor += 1;
    // Each candidate draws from its own stream: its content depends on
    // what it is, not on what came before.
    const stagingRand = seededRandom(`${ref}@${version}:staging`);
    const pipelineUrl = `https://github.com/${slug}/actions/runs/${runId(
      ref,
      version,
      stagingAt,
    )}`;
    const builtAt = stagingAt - 25 * 60_000;
    let blocked = false;
    if (stagingAt >= window.start + 2 * HOUR_MS) {
      const staging = gateResults(
        baseTypes,
        stagingAt,
        failChance(stagingAt),
        stagingRand,
        undefined,
      );
      blocked = staging.blocked;
      out.push({
        entityRef: ref,
        version,
        environment: 'staging',
        releasedAt: new Date(stagingAt).toISOString(),
        pipelineUrl,
        gates: staging.gates,
        evidence: [],
      });
      if (!blocked && prodAt <= window.end) {
        productionCount += 1;
        const prodRand = seededRandom(`${ref}@${version}:production`);
        const gapFactor = 1.4 - 0.8 * progress(prodAt);
        const mismatch = productionCount === mismatchAt;
        const noSbom = prodRand() < profile.missingSbom * gapFactor;
        const noProvenance =
          !mismatch && prodRand() < profile.missingProvenance * gapFactor;
        const noApprover = prodRand() < profile.missingApprover * gapFactor;
        let evidenceWarning: string | undefined;
        if (noSbom || noProvenance) {
          evidenceWarning = `no ${
            noSbom ? 'SBOM' : 'provenance'
          } attached (the evidence gate only warns)`;
        }
        const production = gateResults(
          prodTypes,
          prodAt,
          failChance(prodAt),
          prodRand,
          evidenceWarning,
        );
        blocked = production.blocked;
        const evidence: Evidence[] = [];
        if (!noSbom) {
          evidence.push({
            kind: 'sbom',
            document: cycloneDx(entity, version, builtAt, prodRand),
          });
        }
        if (!noProvenance) {
          evidence.push({
            kind: 'provenance',
            // The deliberate mistake: the previous build's provenance.
            document: provenanceEnvelope(
              entity,
              mismatch ? `1.${minor - 2}.0` : version,
              version,
              pipelineUrl,
              builtAt,
            ),
          });
        }
        evidence.push({
          kind: 'scanResults',
          uri: `https://github.com/${slug}/security/code-scanning?${new URLSearchParams(
            { query: `is:open ref:refs/tags/v${version}` },
          )}`,
        });
        out.push({
          entityRef: ref,
          version,
          environment: 'production',
          artifactDigest: `sha256:${artifactHex(ref, version)}`,
          releasedAt: new Date(prodAt).toISOString(),
          pipelineUrl,
          ...(noApprover ? {} : { approvedBy: pick(prodRand, APPROVERS) }),
          gates: production.gates,
          evidence,
        });
      }
    }
    // A blocked candidate is followed by a fix within days; otherwise the
    // next release comes at the tier's cadence, now and then a cycle later.
    const cadence = profile.cadenceDays * DAY_MS;
    day = blocked
      ? prodAt + (2 + Math.floor(rand() * 3)) * DAY_MS
      : prodAt +
        Math.max(2 * DAY_MS, Math.floor(cadence * (0.75 + rand() * 0.5))) +
        (rand() < profile.skip ? cadence : 0);
  }
  return out;
}

/**
 * A year (by default) of release candidates for the demo org, as the bodies
 * a CI pipeline would POST to /releases, oldest first. Components with a
 * repository release to staging and, a day later, to production, at a
 * cadence set by their tier (1: about weekly, 2: fortnightly, 3 and
 * untiered: monthly). Gate failures grow rarer over the year; some
 * production releases lack an SBOM, provenance or approver (tier 3 more
 * often), and the third production release of the first two tier-1
 * components (by entity ref) carries provenance of another artifact.
 * Deterministic for the same entities and `now`; nothing is later than an
 * hour before `now`.
 */
export function generateDemoReleases(
  entities: AspmEntity[],
  options: { now: Date; weeks?: number },
): ReleaseInput[] {
  const weeks = options.weeks ?? 52;
  const window: TimeWindow = {
    start: options.now.getTime() - weeks * WEEK_MS,
    end: options.now.getTime() - HOUR_MS,
  };
  const eligible = entities.filter(isReleasing);
  const mismatched = new Set(
    eligible
      .filter(e => e.tier === '1')
      .map(e => e.entityRef)
      .sort()
      .slice(0, 2),
  );
  const all = eligible.flatMap(e =>
    releasesOf(e, window, mismatched.has(e.entityRef) ? 3 : undefined),
  );
  const key = (r: ReleaseInput) =>
    `${r.releasedAt} ${r.entityRef} ${r.environment}`;
  return all.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === kb) return 0;
    return ka < kb ? -1 : 1;
  });
}
