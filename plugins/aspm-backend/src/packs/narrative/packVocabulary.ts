import { DirectorMetricId, PackAudience } from '@aspm/plugin-aspm-common';

/** How a pack names things: the security team's words, or the board's. */
export interface PackVocabulary {
  /** A metric's title. */
  metric: (id: string) => string;
  /** What a metric's number means. */
  describe: (id: string) => string;
  /** A coverage control (`sca`, `owner`...). */
  control: (control: string) => string;
  /** A security gate type of a release (`sast`: `SAST gate`). */
  gate: (gate: string) => string;
  /** A source of findings (a scanner); the board never reads tool names. */
  source: (tool: string) => string;
  /** A counting change's description, in the pack's words. */
  countingChange: (kind: string, description: string) => string;
}

const TECHNICAL_DESCRIPTIONS: Record<DirectorMetricId, string> = {
  tier1_coverage:
    'Tier-1 components with every required control (owner, repository, SAST, SCA, secret scanning, container scanning for services, release evidence)',
  risk_weighted_critical_backlog:
    'Sum of the risk weights of open critical findings (severity x exploitability x tier x exposure)',
  critical_age_internet_tier1:
    'Median age in days of open criticals on tier-1 internet-facing entities',
  mttr: 'Mean days from open to fix of critical findings fixed in the period',
  reopen_rate: 'Reopen events / fix events in the period',
  gate_pass_rate:
    'Gated release candidates passing every security gate at the first attempt',
  exception_debt:
    'Active exceptions at the period end (judged on those older than 90 days)',
  ownership_completeness: 'Components whose owner resolves to an existing team',
  secret_exposure_rate: 'Leaked secrets not rotated, per 100 repositories',
  secret_rotation_sla:
    'Leaked secrets due in the period that were rotated by their deadline',
  evidence_completeness:
    'Production releases in the period with a complete evidence checklist (SBOM, provenance, signature, scan results, gate decision, approver)',
};

const BOARD_TITLES: Record<DirectorMetricId, string> = {
  tier1_coverage: 'Business-critical services with the baseline protections',
  risk_weighted_critical_backlog: 'Serious unresolved security weaknesses',
  critical_age_internet_tier1:
    'Age of the most serious weaknesses in customer-facing services',
  mttr: 'Time to fix serious weaknesses',
  reopen_rate: 'Fixed weaknesses that came back',
  gate_pass_rate: 'Releases passing the security checks first time',
  exception_debt: 'Accepted risks',
  ownership_completeness: 'Software with an accountable owner',
  secret_exposure_rate: 'Leaked credentials not yet replaced',
  secret_rotation_sla: 'Leaked credentials replaced on time',
  evidence_completeness: 'Production releases with complete audit evidence',
};

const BOARD_DESCRIPTIONS: Record<DirectorMetricId, string> = {
  tier1_coverage:
    'Share of the services the business depends on most that have every baseline protection in place',
  risk_weighted_critical_backlog:
    'Open serious weaknesses, weighted by how exploitable they are and how important and exposed the affected service is',
  critical_age_internet_tier1:
    'How many days, typically, the most serious weaknesses in critical customer-facing services have been open',
  mttr: 'Average days to fix a serious weakness',
  reopen_rate: 'Share of fixes that did not hold',
  gate_pass_rate:
    'Share of releases that met the security checks without rework',
  exception_debt:
    'Risks the business has formally accepted and not yet resolved',
  ownership_completeness:
    'Share of software with a named team accountable for it',
  secret_exposure_rate:
    'Leaked passwords and keys still usable, per 100 code repositories',
  secret_rotation_sla:
    'Share of leaked passwords and keys replaced within the agreed time',
  evidence_completeness:
    'Share of production releases with the records auditors and customers ask for',
};

/** The program-signal metrics: title and what the number means. */
const PROGRAM_TECHNICAL: Record<string, [string, string]> = {
  review_first_response_time: [
    'Security review: time to first response',
    'Median days from a review request to its first response, over reviews answered in the period',
  ],
  reviews_waiting: [
    'Security reviews waiting for a first response',
    'Reviews requested and not yet answered at the period end',
  ],
  threat_model_coverage: [
    'Critical services with a threat model or design review',
    'Tier-1 and tier-2 components with a threat model or design review completed within a year',
  ],
  incident_actions_aging: [
    'Incident follow-ups: median age of open ones',
    'Median days open of the follow-up actions of security incidents still open at the period end',
  ],
  repo_protection_coverage: [
    'Privileged repositories with required protections',
    'Tier-1 and tier-2 repositories whose latest OpenSSF Scorecard run passes Branch-Protection, Token-Permissions, Dangerous-Workflow and Pinned-Dependencies',
  ],
  golden_path_adoption: [
    'Services on approved golden paths',
    'Components on an approved golden path (annotation, tag or scaffolder template)',
  ],
  exception_decision_time: [
    'Exception decision time',
    'Median days from an exception request to its decision, over decisions in the period',
  ],
  deployment_frequency: [
    'Production deployment frequency',
    'Production deploys per week in the period, with the share that used the approved release controls',
  ],
  lead_time_for_changes: [
    'Lead time for changes',
    'Median days from first commit to production deploy',
  ],
  change_failure_rate: [
    'Change failure rate',
    'Production deploys later marked failed, with the share caused by a security control gap',
  ],
  time_to_restore: [
    'Time to restore service',
    'Median days from a failed deploy to the restore',
  ],
};

const PROGRAM_BOARD: Record<string, [string, string]> = {
  review_first_response_time: [
    'Time for the security team to pick up a review',
    'How many days teams typically wait before security engages on a design',
  ],
  reviews_waiting: [
    'Design reviews waiting for security',
    'Requests for a security review not yet picked up',
  ],
  threat_model_coverage: [
    'Critical services whose design security has reviewed',
    'Share of the most important services with a security design review in the last year',
  ],
  incident_actions_aging: [
    'Open lessons from security incidents',
    'How long, typically, the follow-up work from security incidents has been waiting',
  ],
  repo_protection_coverage: [
    'Critical code protected against tampering',
    'Share of the most important code repositories with the required safeguards',
  ],
  golden_path_adoption: [
    'Services built the approved way',
    'Share of services built on the approved, pre-secured templates',
  ],
  exception_decision_time: [
    'Time to decide on accepting a risk',
    'How many days a request to accept a risk typically waits for a decision',
  ],
  deployment_frequency: [
    'How often we ship',
    'Production releases a week, and how many of them went through the approved safeguards',
  ],
  lead_time_for_changes: [
    'Time from change to customers',
    'Typical days from writing a change to it reaching customers',
  ],
  change_failure_rate: [
    'Releases that caused a problem',
    'Share of releases that had to be fixed or rolled back, and how many of those a missing safeguard caused',
  ],
  time_to_restore: [
    'Time to recover from a failed release',
    'Typical time to restore service after a release caused a problem',
  ],
};

const TECHNICAL_CONTROLS: Record<string, string> = {
  owner: 'a resolved owner',
  repository: 'a repository annotation',
  sast: 'SAST',
  sca: 'SCA',
  secrets: 'secret scanning',
  container: 'container scanning',
  'release-evidence': 'recorded releases',
  'repository-protection': 'repository protections',
};

const BOARD_CONTROLS: Record<string, string> = {
  owner: 'a named owner',
  repository: 'a linked code repository',
  sast: 'checks of their own code',
  sca: 'checks of the third-party components they use',
  secrets: 'checks for leaked credentials',
  container: 'checks of their runtime images',
  'release-evidence': 'recorded releases',
  'repository-protection': 'protected code repositories',
};

const TECHNICAL_GATES: Record<string, string> = {
  sast: 'SAST',
  sca: 'SCA',
  dast: 'DAST',
  secrets: 'secret scanning',
  iac: 'IaC',
  evidence: 'evidence',
  signing: 'signing',
  policy: 'policy',
};

const BOARD_COUNTING: Record<string, string> = {
  config: 'the rules used to count it changed',
  sources:
    'additional security checks began reporting, which surfaces existing weaknesses rather than new ones',
  entities:
    'services were added to the inventory or re-classified (for example by criticality)',
};

const technical: PackVocabulary = {
  metric: id =>
    ((
      {
        tier1_coverage: 'Tier-1 control coverage',
        risk_weighted_critical_backlog: 'Risk-weighted critical backlog',
        critical_age_internet_tier1:
          'Median age of open criticals (tier 1, internet-facing)',
        mttr: 'Mean time to remediate (critical)',
        reopen_rate: 'Reopen rate',
        gate_pass_rate: 'First-pass security gate rate',
        exception_debt: 'Exception debt',
        ownership_completeness: 'Ownership completeness',
        secret_exposure_rate: 'Exposed secrets per 100 repositories',
        secret_rotation_sla: 'Secrets rotated within SLA',
        evidence_completeness: 'Release evidence completeness',
      } as Record<string, string>
    )[id] ??
    PROGRAM_TECHNICAL[id]?.[0] ??
    id),
  describe: id =>
    TECHNICAL_DESCRIPTIONS[id as DirectorMetricId] ??
    PROGRAM_TECHNICAL[id]?.[1] ??
    '',
  control: c => TECHNICAL_CONTROLS[c] ?? c,
  gate: g => `${TECHNICAL_GATES[g] ?? g} gate`,
  source: tool => tool,
  countingChange: (_kind, description) => description,
};

const board: PackVocabulary = {
  metric: id =>
    BOARD_TITLES[id as DirectorMetricId] ?? PROGRAM_BOARD[id]?.[0] ?? id,
  describe: id =>
    BOARD_DESCRIPTIONS[id as DirectorMetricId] ?? PROGRAM_BOARD[id]?.[1] ?? '',
  control: c => BOARD_CONTROLS[c] ?? 'a baseline protection',
  gate: () => 'release security check',
  source: () => 'a security check',
  countingChange: kind =>
    BOARD_COUNTING[kind] ?? 'the way it is counted changed',
};

/** The words of a pack: the board's pack avoids tool names and scanner jargon. */
export function packVocabulary(audience: PackAudience): PackVocabulary {
  return audience === 'board' ? board : technical;
}
