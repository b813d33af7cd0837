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

const TECHNICAL_CONTROLS: Record<string, string> = {
  owner: 'a resolved owner',
  repository: 'a repository annotation',
  sast: 'SAST',
  sca: 'SCA',
  secrets: 'secret scanning',
  container: 'container scanning',
  'release-evidence': 'recorded releases',
};

const BOARD_CONTROLS: Record<string, string> = {
  owner: 'a named owner',
  repository: 'a linked code repository',
  sast: 'checks of their own code',
  sca: 'checks of the third-party components they use',
  secrets: 'checks for leaked credentials',
  container: 'checks of their runtime images',
  'release-evidence': 'recorded releases',
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
    )[id] ?? id),
  describe: id => TECHNICAL_DESCRIPTIONS[id as DirectorMetricId] ?? '',
  control: c => TECHNICAL_CONTROLS[c] ?? c,
  gate: g => `${TECHNICAL_GATES[g] ?? g} gate`,
  source: tool => tool,
  countingChange: (_kind, description) => description,
};

const board: PackVocabulary = {
  metric: id => BOARD_TITLES[id as DirectorMetricId] ?? id,
  describe: id => BOARD_DESCRIPTIONS[id as DirectorMetricId] ?? '',
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
