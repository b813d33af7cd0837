import {
  AspmRelease,
  ChecklistItem,
  EVIDENCE_ITEMS,
  GateTrend,
  SecretExposure,
} from '@aspm/plugin-aspm-common';
import { daysFromNow } from './exceptionFixtures';

const PAYMENTS = 'component:default/payments-api';
const paymentsOwner = {
  team: 'group:default/team-ledger',
  businessUnit: 'group:default/payments-bu',
  tier: '1',
};

/** The artifact of payments-api 1.4.2. */
export const ARTIFACT_DIGEST = `sha256:${'9a8b7c6d5e4f3a2b'.repeat(4)}`;
/** The digest its provenance names instead. */
export const PROVENANCE_SUBJECT_DIGEST = `sha256:${'0f3c5e1a9b2d4c6e'.repeat(
  4,
)}`;
/** Why the provenance of 1.4.2 does not hold, as the backend says it. */
export const PROVENANCE_MISMATCH =
  'subject digest sha256:0f3c5e1a9b2d… does not match the release artifact sha256:9a8b7c6d5e4f…';

/** Every item of the checklist met, required or not. */
function checklist(
  required: boolean,
  overrides: Partial<Record<ChecklistItem['item'], Partial<ChecklistItem>>>,
): ChecklistItem[] {
  return EVIDENCE_ITEMS.map(item => ({
    item,
    required,
    status: 'met',
    ...overrides[item],
  }));
}

/**
 * The latest production release: SCA failed, its re-run passed; the
 * provenance names another artifact, so the evidence is incomplete.
 */
export const productionRelease: AspmRelease = {
  id: 42,
  entityRef: PAYMENTS,
  version: '1.4.2',
  environment: 'production',
  artifactDigest: ARTIFACT_DIGEST,
  releasedAt: '2026-03-02T14:30:00.000Z',
  pipelineUrl: 'https://github.com/acme/payments-api/actions/runs/8812345678',
  approvedBy: 'user:default/carol',
  ...paymentsOwner,
  postedBy: 'external:ci-bot',
  firstPass: false,
  outcome: 'passed-after-rerun',
  blockedBy: [],
  evidenceComplete: false,
  gates: [
    { type: 'secrets', outcome: 'pass', attempt: 1 },
    {
      type: 'sca',
      outcome: 'pass',
      attempt: 2,
      reason: 'lodash upgraded to 4.17.21',
    },
    { type: 'sast', outcome: 'pass', attempt: 1 },
    {
      type: 'sca',
      outcome: 'fail',
      attempt: 1,
      reason: 'CVE-2020-8203 in lodash 4.17.15 (high)',
      at: '2026-03-02T13:50:00.000Z',
    },
    {
      type: 'signing',
      outcome: 'warn',
      attempt: 1,
      reason: 'key expires soon',
    },
  ],
  evidence: [
    {
      kind: 'sbom',
      digest: `sha256:${'1'.repeat(64)}`,
      sbom: {
        format: 'cyclonedx',
        specVersion: '1.5',
        componentCount: 312,
        tool: 'syft',
      },
    },
    {
      kind: 'provenance',
      digest: `sha256:${'2'.repeat(64)}`,
      provenance: {
        envelope: 'dsse',
        statementType: 'https://in-toto.io/Statement/v1',
        predicateType: 'https://slsa.dev/provenance/v1',
        subjects: [
          {
            name: 'payments-api.tgz',
            digest: { sha256: PROVENANCE_SUBJECT_DIGEST.slice(7) },
          },
        ],
        builderId:
          'https://github.com/acme/payments-api/.github/workflows/release.yml@refs/heads/main',
        signatureCount: 1,
      },
      invalidReason: PROVENANCE_MISMATCH,
    },
    { kind: 'signature', digest: `sha256:${'3'.repeat(64)}` },
    {
      kind: 'scanResults',
      uri: 'https://github.com/acme/payments-api/security/code-scanning',
    },
  ],
  checklist: checklist(true, {
    provenance: { status: 'invalid', reason: PROVENANCE_MISMATCH },
  }),
};

/** The same version on staging: passed first time, nothing required. */
export const stagingRelease: AspmRelease = {
  ...productionRelease,
  id: 41,
  environment: 'staging',
  releasedAt: '2026-03-02T12:00:00.000Z',
  approvedBy: undefined,
  firstPass: true,
  outcome: 'passed',
  evidenceComplete: true,
  gates: [
    { type: 'sast', outcome: 'pass', attempt: 1 },
    { type: 'sca', outcome: 'pass', attempt: 1 },
  ],
  evidence: [productionRelease.evidence[0]],
  checklist: checklist(false, {
    provenance: { status: 'missing', reason: 'no provenance attached' },
    signature: { status: 'missing', reason: 'no signature attached' },
    scanResults: { status: 'missing', reason: 'no scan results attached' },
    approver: { status: 'missing', reason: 'no approving actor' },
  }),
};

/** The previous production candidate, blocked by Log4Shell. */
export const blockedRelease: AspmRelease = {
  ...productionRelease,
  id: 40,
  version: '1.4.1',
  artifactDigest: undefined,
  releasedAt: '2026-02-24T09:00:00.000Z',
  pipelineUrl: undefined,
  approvedBy: undefined,
  firstPass: false,
  outcome: 'blocked',
  blockedBy: ['sca'],
  evidenceComplete: false,
  gates: [
    { type: 'sast', outcome: 'pass', attempt: 1 },
    {
      type: 'sca',
      outcome: 'fail',
      attempt: 1,
      reason: 'CVE-2021-44228 in log4j-core 2.14.1 (critical, known exploited)',
    },
  ],
  evidence: [],
  checklist: checklist(true, {
    sbom: { status: 'missing', reason: 'no SBOM attached' },
    provenance: { status: 'missing', reason: 'no provenance attached' },
    signature: { status: 'missing', reason: 'no signature attached' },
    approver: { status: 'missing', reason: 'no approving actor' },
  }),
};

/** The releases of payments-api, newest first. */
export const demoReleases: AspmRelease[] = [
  productionRelease,
  stagingRelease,
  blockedRelease,
];

/** Four weeks of gate outcomes: 7 first pass, 2 after re-run, 2 blocked. */
export const demoGateTrend: GateTrend = {
  weeks: [
    { weekStart: '2026-02-09', firstPass: 2, passedAfterRerun: 0, blocked: 0 },
    { weekStart: '2026-02-16', firstPass: 3, passedAfterRerun: 1, blocked: 0 },
    { weekStart: '2026-02-23', firstPass: 1, passedAfterRerun: 0, blocked: 2 },
    { weekStart: '2026-03-02', firstPass: 1, passedAfterRerun: 1, blocked: 0 },
  ],
  blockedBy: { sca: 2, secrets: 1 },
};

const secretOwner = { team: paymentsOwner.team, tier: paymentsOwner.tier };

/**
 * Secrets are relative to when the tests start, so that "due in 3 days"
 * stays true whenever they run.
 */
export const overdueSecret: SecretExposure = {
  findingId: 3,
  entityRef: PAYMENTS,
  title: 'AWS access key',
  ruleId: 'aws-access-token',
  tool: 'gitleaks',
  state: 'fixed',
  detectedAt: daysFromNow(-11),
  validity: 'active',
  publiclyLeaked: false,
  pushProtectionBypassed: false,
  slaDays: 7,
  deadline: daysFromNow(-4),
  status: 'overdue',
  ...secretOwner,
};

/** Found by GitHub secret scanning, pushed past push protection. */
export const pendingSecret: SecretExposure = {
  findingId: 7,
  entityRef: PAYMENTS,
  title: 'GitHub Personal Access Token',
  ruleId: 'github_personal_access_token',
  tool: 'github',
  state: 'open',
  detectedAt: daysFromNow(-4),
  validity: 'unknown',
  publiclyLeaked: true,
  pushProtectionBypassed: true,
  slaDays: 7,
  deadline: daysFromNow(3),
  status: 'pending',
  link: 'https://github.com/acme/payments-api/security/secret-scanning/3',
  ...secretOwner,
};

/** Rotated two days after its deadline. */
export const rotatedLateSecret: SecretExposure = {
  findingId: 8,
  entityRef: PAYMENTS,
  title: 'Slack webhook URL',
  ruleId: 'slack-webhook-url',
  tool: 'trivy',
  state: 'fixed',
  detectedAt: daysFromNow(-30),
  validity: 'inactive',
  publiclyLeaked: false,
  pushProtectionBypassed: false,
  rotatedAt: daysFromNow(-21),
  rotatedBy: 'user:default/bob',
  slaDays: 7,
  deadline: daysFromNow(-23),
  status: 'rotated-late',
  ...secretOwner,
};

/** Dismissed as a false positive. */
export const closedSecret: SecretExposure = {
  findingId: 9,
  entityRef: PAYMENTS,
  title: 'Generic API key',
  ruleId: 'generic-api-key',
  tool: 'gitleaks',
  state: 'false_positive',
  detectedAt: daysFromNow(-20),
  validity: 'unknown',
  publiclyLeaked: false,
  pushProtectionBypassed: false,
  slaDays: 7,
  deadline: daysFromNow(-13),
  status: 'closed',
  ...secretOwner,
};

/** The secrets of payments-api, most urgent first. */
export const demoSecrets: SecretExposure[] = [
  overdueSecret,
  pendingSecret,
  rotatedLateSecret,
  closedSecret,
];
