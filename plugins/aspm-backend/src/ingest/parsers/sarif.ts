/*
 * SARIF 2.1.0 (any tool: CodeQL, Semgrep, Trivy, Grype, gitleaks, Snyk,
 * ESLint, Checkov, KICS, OSV-Scanner, dependency-check, Wiz, Scorecard...).
 *
 * Decisions worth knowing (see also the comments on each function):
 * - One SARIF run is one ParsedRun; a log may hold several runs of several
 *   tools. `runs: []` is a valid log with no run (gitleaks writes it for an
 *   empty baseline): it parses to zero runs, not an error.
 * - A result whose `baselineState` is 'absent' is NOT a current finding: the
 *   tool reports that it was in the baseline and has gone. It is skipped.
 *   So are results of kind 'pass' / 'notApplicable' (a check that did not
 *   fire is not a finding).
 * - `automationDetails.id` is "category/instance" per SARIF and GitHub code
 *   scanning (e.g. "Snyk/IaC/input-files/2025-01-01T00:00:00.000Z"): the run
 *   key is the category (before the last '/'), so that the next upload of the
 *   same analysis replaces this one instead of piling up. An id without '/'
 *   is used whole.
 * - Suppressions: a result is suppressed when it has at least one
 *   suppression whose status is neither 'rejected' nor 'underReview' (an
 *   empty `suppressions: []` means "not suppressed", as ESLint writes it).
 *   kind 'inSource' (nosemgrep, eslint-disable...) records a false positive:
 *   a developer marked the code; kind 'external' (a triage system, a
 *   baseline) records an accepted risk, unless its reason says "not
 *   vulnerable" / "false positive" (Snyk's ignore category).
 */
import { InputError } from '@backstage/errors';
import {
  FindingCategory,
  FindingLocation,
  FindingPackage,
  FindingSuppression,
  ParsedFinding,
  ParsedRun,
  ParsedScan,
  Severity,
} from '@aspm/plugin-aspm-common';
import {
  codeFingerprint,
  dependencyFingerprint,
  toolFingerprint,
} from './fingerprint';
import {
  asArray,
  asNonEmptyString,
  asNumber,
  asRecord,
  asRecords,
  asString,
  asStrings,
} from './json';
import {
  severityFromScore,
  severityFromSarifLevel,
  severityFromWord,
} from '@aspm/plugin-aspm-common';

type JsonObject = Record<string, unknown>;

const MAX_TITLE = 300;
const MAX_TEXT = 2000;
const MAX_PROPERTY_JSON = 2000;

/** Everything a result needs to know about its run. */
interface RunContext {
  toolName: string;
  /** `tool.driver.rules`, positions kept (holes are undefined). */
  driverRules: Array<JsonObject | undefined>;
  driverName: string;
  extensions: Array<JsonObject | undefined>;
  artifacts: Array<JsonObject | undefined>;
  /** Trivy puts the scanned image in `run.properties.imageName`. */
  imageName?: string;
}

/** Parses a SARIF 2.1.0 log into one ParsedRun per SARIF run. */
export function parseSarif(doc: unknown): ParsedScan {
  return {
    format: 'sarif',
    runs: sarifRuns(doc).map((run, i) => parseRun(run, `runs[${i}]`)),
  };
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return v;
  return JSON.stringify(v) ?? String(v);
}

function parseRun(value: unknown, where: string): ParsedRun {
  const run = asRecord(value);
  if (!run) throw new InputError(`SARIF: ${where} must be an object`);
  const results =
    run.results === undefined || run.results === null
      ? []
      : asArray(run.results);
  if (!results) {
    throw new InputError(`SARIF: ${where}.results must be an array`);
  }
  const reader = sarifRunReader(run, where);
  results.forEach((r, j) => reader.add(r, j));
  return reader.finish();
}

/**
 * Reads one run's results one at a time (so a large log can be streamed):
 * `run` is the run without, or with, its results; `add` each result, then
 * `finish`.
 */
export function sarifRunReader(run: JsonObject, where: string) {
  const tool = asRecord(run.tool);
  const driver = asRecord(tool?.driver);
  const toolName = asNonEmptyString(driver?.name);
  if (!driver || !toolName) {
    throw new InputError(`SARIF: ${where}.tool.driver.name is required`);
  }
  const ctx: RunContext = {
    toolName,
    driverName: toolName,
    driverRules: (asArray(driver.rules) ?? []).map(asRecord),
    extensions: (asArray(tool?.extensions) ?? []).map(asRecord),
    artifacts: (asArray(run.artifacts) ?? []).map(asRecord),
    imageName: asNonEmptyString(asRecord(run.properties)?.imageName),
  };
  const findings: ParsedFinding[] = [];
  return {
    add(r: unknown, j: number) {
      const result = asRecord(r);
      if (!result) {
        throw new InputError(`SARIF: ${where}.results[${j}] must be an object`);
      }
      const finding = parseResult(result, ctx);
      if (finding) findings.push(finding);
    },
    finish(): ParsedRun {
      const version =
        asNonEmptyString(driver.version) ??
        asNonEmptyString(driver.semanticVersion);
      return dropUndefined({
        tool: dropUndefined({ name: toolName, version }),
        runKey: runKeyOf(run),
        scannedAt: scannedAtOf(run),
        findings: numberRepeatedCodeFingerprints(findings),
      });
    },
  };
}

/** Checks the top of a SARIF log (version, runs) and answers its runs. */
export function sarifRuns(doc: unknown): unknown[] {
  const log = asRecord(doc);
  if (!log) {
    throw new InputError('SARIF: the document must be a JSON object');
  }
  if (log.version !== '2.1.0') {
    throw new InputError(
      `SARIF: version must be 2.1.0, got ${describeValue(log.version)}`,
    );
  }
  const runs = asArray(log.runs);
  if (!runs) {
    throw new InputError(
      `SARIF: 'runs' must be an array, got ${describeValue(log.runs)}`,
    );
  }
  return runs;
}

/**
 * The category part of `automationDetails.id` ("category/instance"): see the
 * header comment.
 */
export function runKeyOf(run: JsonObject): string | undefined {
  const id = asNonEmptyString(asRecord(run.automationDetails)?.id);
  if (!id) return undefined;
  const slash = id.lastIndexOf('/');
  if (slash < 0) return id;
  const category = id.slice(0, slash);
  return category || id;
}

/** The latest invocation end time, else the latest start time (ISO 8601). */
function scannedAtOf(run: JsonObject): string | undefined {
  const invocations = asRecords(run.invocations);
  const latest = (key: 'endTimeUtc' | 'startTimeUtc') =>
    invocations
      .map(inv => asString(inv[key]))
      .map(s => (s ? Date.parse(s) : NaN))
      .filter(t => Number.isFinite(t))
      .reduce<number | undefined>(
        (a, b) => (a === undefined || b > a ? b : a),
        undefined,
      );
  const time = latest('endTimeUtc') ?? latest('startTimeUtc');
  return time === undefined ? undefined : new Date(time).toISOString();
}

function parseResult(
  result: JsonObject,
  ctx: RunContext,
): ParsedFinding | undefined {
  if (result.baselineState === 'absent') return undefined;
  if (result.kind === 'pass' || result.kind === 'notApplicable')
    return undefined;

  const rule = findRule(result, ctx);
  const ruleRef = asRecord(result.rule);
  const ruleId =
    asNonEmptyString(result.ruleId) ??
    asNonEmptyString(ruleRef?.id) ??
    asNonEmptyString(rule?.id) ??
    'unknown-rule';
  const ruleProps = asRecord(rule?.properties) ?? {};
  const resultProps = asRecord(result.properties) ?? {};
  const messageText = textOf(result.message);
  const helpText = textOf(rule?.help);
  const tags = [...asStrings(ruleProps.tags), ...asStrings(resultProps.tags)];

  const location = sarifLocation(result, ctx);
  const advisories = sarifAdvisories(ruleId, rule, messageText, helpText);
  const image = sarifImage(messageText, ctx);
  const pkgClues = sarifPackageClues(result, rule, messageText, helpText, ctx);
  const category = inferSarifCategory({
    toolName: ctx.toolName,
    ruleId,
    ruleName: asString(rule?.name),
    tags,
    hasPackage: pkgClues !== undefined,
    hasAdvisory: advisories.cves.length > 0 || advisories.ghsa !== undefined,
    inImage: image !== undefined,
  });
  const isPackageFinding =
    category === 'dependency' || category === 'container';
  const pkg =
    isPackageFinding && pkgClues
      ? toPackage(
          pkgClues,
          category === 'container' && image
            ? imageManifest(image)
            : location?.path,
        )
      : undefined;
  const { severity, cvss } = sarifSeverity(result, rule);
  const snippet = asString(
    asRecord(asRecord(firstPhysicalLocation(result)?.region)?.snippet)?.text,
  );

  const fingerprint = sarifFingerprint({
    result,
    toolName: ctx.toolName,
    ruleId,
    pkg,
    isPackageFinding,
    advisory: advisories.cves[0] ?? advisories.ghsa ?? ruleId,
    location,
    // Without a location, the message is what tells two results apart.
    snippet: snippet ?? (location ? undefined : messageText),
  });

  return dropUndefined<ParsedFinding>({
    category,
    ruleId,
    title: titleOf(rule, messageText, ruleId),
    severity,
    cvss,
    cves: advisories.cves.length ? advisories.cves : undefined,
    ghsa: advisories.ghsa,
    cwes: sarifCwes(rule, resultProps, tags),
    location,
    package: pkg,
    fingerprint,
    suppression: sarifSuppression(result),
    link:
      asNonEmptyString(rule?.helpUri) ??
      asNonEmptyString(result.hostedViewerUri),
    properties: findingProperties({
      messageText,
      helpText,
      tags,
      precision: ruleProps.precision,
      image,
      resultProps,
      redactSecrets: category === 'secret',
    }),
  });
}

// ---------------------------------------------------------------------------
// Rules

/**
 * The reportingDescriptor of a result: by `ruleId` / `rule.id`, else by
 * `ruleIndex` / `rule.index`, in the tool component `rule.toolComponent`
 * points at (the driver by default, else an extension such as a CodeQL query
 * pack), then in every component.
 */
function findRule(result: JsonObject, ctx: RunContext): JsonObject | undefined {
  const ref = asRecord(result.rule);
  const component = componentRules(asRecord(ref?.toolComponent), ctx);
  const id = asNonEmptyString(result.ruleId) ?? asNonEmptyString(ref?.id);
  const index = asNumber(result.ruleIndex) ?? asNumber(ref?.index);
  const all = [
    component,
    ctx.driverRules,
    ...ctx.extensions.map(e => rulesOf(e)),
  ];
  if (id) {
    for (const rules of all) {
      const found = ruleById(rules, id);
      if (found) return found;
    }
  }
  if (index !== undefined && index >= 0) return component[index];
  if (!id && !ref) return ruleNamedByMessage(result, ctx.driverRules);
  return undefined;
}

/**
 * Gitleaks 7 writes results with no rule reference at all, and messages
 * such as "AWS Access Key secret detected" where "AWS Access Key" is a rule
 * id: the rule whose id starts the message (the longest one).
 */
function ruleNamedByMessage(
  result: JsonObject,
  rules: Array<JsonObject | undefined>,
): JsonObject | undefined {
  const text = textOf(result.message);
  if (!text) return undefined;
  return rules
    .filter(r => {
      const rid = asString(r?.id);
      return rid !== undefined && rid.length >= 3 && text.startsWith(`${rid} `);
    })
    .sort((a, b) => String(b?.id).length - String(a?.id).length)[0];
}

function rulesOf(
  component: JsonObject | undefined,
): Array<JsonObject | undefined> {
  return (asArray(component?.rules) ?? []).map(asRecord);
}

function componentRules(
  ref: JsonObject | undefined,
  ctx: RunContext,
): Array<JsonObject | undefined> {
  if (!ref) return ctx.driverRules;
  const index = asNumber(ref.index);
  if (index !== undefined && index >= 0) return rulesOf(ctx.extensions[index]);
  const name = asString(ref.name);
  const guid = asString(ref.guid);
  if (name === ctx.driverName) return ctx.driverRules;
  const ext = ctx.extensions.find(
    e => e && ((name && e.name === name) || (guid && e.guid === guid)),
  );
  return ext ? rulesOf(ext) : ctx.driverRules;
}

/** Exact id, else the hierarchical parent ("C2001/1" is a child of "C2001"). */
function ruleById(
  rules: Array<JsonObject | undefined>,
  id: string,
): JsonObject | undefined {
  return (
    rules.find(r => r?.id === id) ??
    rules.find(r => {
      const rid = asString(r?.id);
      return rid !== undefined && id.startsWith(`${rid}/`);
    })
  );
}

// ---------------------------------------------------------------------------
// Text

/** `message` / multiformatMessageString text, else its markdown. */
function textOf(v: unknown): string | undefined {
  const m = asRecord(v);
  return asNonEmptyString(m?.text) ?? asNonEmptyString(m?.markdown);
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function titleOf(
  rule: JsonObject | undefined,
  messageText: string | undefined,
  ruleId: string,
): string {
  const firstLine = messageText
    ?.split(/\r?\n/)
    .find(l => l.trim())
    ?.trim();
  const title =
    asNonEmptyString(asRecord(rule?.shortDescription)?.text) ??
    asNonEmptyString(rule?.name) ??
    firstLine ??
    ruleId;
  return truncate(title.trim(), MAX_TITLE);
}

// ---------------------------------------------------------------------------
// Severity

/** A finite number from a number or a numeric string. */
function score(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number.parseFloat(v) : asNumber(v);
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

/**
 * Severity and CVSS score, first of:
 * 1. `security-severity` (result, then rule properties): the score GitHub
 *    code scanning uses; it is also the finding's cvss.
 * 2. `cvssv3_baseScore` (result, then rule; dependency-check, Snyk, Trivy).
 * 3. The tool's own word in `properties.severity` (dependency-check writes
 *    RetireJS severities there while every result has level 'error').
 * 4. `result.level`, then the rule's `defaultConfiguration.level`.
 * 5. 'medium': SARIF's default level is 'warning'.
 */
export function sarifSeverity(
  result: JsonObject,
  rule: JsonObject | undefined,
): { severity: Severity; cvss?: number } {
  const resultProps = asRecord(result.properties) ?? {};
  const ruleProps = asRecord(rule?.properties) ?? {};
  const cvss =
    score(resultProps['security-severity']) ??
    score(ruleProps['security-severity']) ??
    score(resultProps.cvssv3_baseScore) ??
    score(ruleProps.cvssv3_baseScore);
  const severity =
    severityFromScore(cvss) ??
    severityFromWord(resultProps.severity) ??
    severityFromSarifLevel(result.level) ??
    severityFromSarifLevel(asRecord(rule?.defaultConfiguration)?.level) ??
    'medium';
  return {
    severity,
    cvss: cvss !== undefined && cvss >= 0 && cvss <= 10 ? cvss : undefined,
  };
}

// ---------------------------------------------------------------------------
// Advisories and weaknesses

const CVE_RE = /CVE-\d{4}-\d{4,}/gi;
const GHSA_RE = /GHSA(?:-[0-9a-z]{4}){3}/gi;
const CWE_RE = /\bCWE[-_/:]?\s?0*(\d+)/gi;

const unique = (xs: string[]) => [...new Set(xs)];

/** CVE ids and the first GHSA id in the texts, in order of appearance. */
export function advisoryIds(texts: ReadonlyArray<string | undefined>): {
  cves: string[];
  ghsa?: string;
} {
  const joined = texts.filter(Boolean).join('\n');
  const cves = unique((joined.match(CVE_RE) ?? []).map(c => c.toUpperCase()));
  const ghsaMatch = joined.match(GHSA_RE)?.[0];
  const ghsa = ghsaMatch
    ? `GHSA${ghsaMatch.slice(4).toLowerCase()}`
    : undefined;
  return { cves, ghsa };
}

/**
 * CVE / GHSA ids from the rule's identity (ruleId, id, name, OSV
 * deprecatedIds, tags, descriptions); only when those name none, from the
 * rule help and the message (longer texts, more likely to cite unrelated
 * advisories).
 */
function sarifAdvisories(
  ruleId: string,
  rule: JsonObject | undefined,
  messageText: string | undefined,
  helpText: string | undefined,
): { cves: string[]; ghsa?: string } {
  const ruleProps = asRecord(rule?.properties) ?? {};
  const strong = advisoryIds([
    ruleId,
    asString(rule?.id),
    asString(rule?.name),
    ...asStrings(rule?.deprecatedIds),
    ...asStrings(ruleProps.tags),
    textOf(rule?.shortDescription),
    textOf(rule?.fullDescription)?.split('\n')[0],
  ]);
  if (strong.cves.length || strong.ghsa) {
    if (strong.ghsa || !messageText) return strong;
    // OSV-Scanner names the GHSA alias only in the message.
    return { cves: strong.cves, ghsa: advisoryIds([messageText]).ghsa };
  }
  return advisoryIds([helpText, messageText]);
}

/** 'CWE-79' from 'external/cwe/cwe-079', 'CWE-79: ...', 'cwe-79'. */
export function cweIdsIn(texts: readonly string[]): string[] {
  const ids: string[] = [];
  for (const text of texts) {
    for (const m of text.matchAll(CWE_RE)) ids.push(`CWE-${Number(m[1])}`);
  }
  return unique(ids);
}

/**
 * CWEs from tags (CodeQL 'external/cwe/cwe-079', Snyk 'CWE-405'), a `cwe`
 * property of the rule or result (Snyk Code, njsscan) and rule relationships
 * into a 'CWE' taxonomy (KICS).
 */
function sarifCwes(
  rule: JsonObject | undefined,
  resultProps: JsonObject,
  tags: readonly string[],
): string[] | undefined {
  const ruleProps = asRecord(rule?.properties) ?? {};
  const stringsOf = (v: unknown) =>
    typeof v === 'string' ? [v] : asStrings(v);
  const fromRelationships = asRecords(rule?.relationships)
    .map(r => asRecord(r.target))
    .filter(
      t => asString(asRecord(t?.toolComponent)?.name)?.toUpperCase() === 'CWE',
    )
    .map(t => asString(t?.id))
    .filter((id): id is string => id !== undefined)
    .map(id => (/^\d+$/.test(id) ? `CWE-${id}` : id));
  const cwes = cweIdsIn([
    ...tags,
    ...stringsOf(ruleProps.cwe),
    ...stringsOf(resultProps.cwe),
    ...fromRelationships,
  ]);
  return cwes.length ? cwes : undefined;
}

// ---------------------------------------------------------------------------
// Location

function firstPhysicalLocation(result: JsonObject): JsonObject | undefined {
  return asRecord(asRecords(result.locations)[0]?.physicalLocation);
}

/**
 * A SARIF artifact URI as a path: `file://` stripped (and the slash before a
 * Windows drive), percent-decoding, backslashes as '/', repeated slashes
 * collapsed, leading './' removed. A `uriBaseId` is not resolved: the URI
 * relative to it is the path we want.
 */
export function normalizeSarifUri(uri: string): string {
  let p = uri.trim();
  const isFile = /^file:/i.test(p);
  if (isFile) p = p.replace(/^file:(\/\/)?/i, '');
  try {
    p = decodeURIComponent(p);
  } catch {
    // keep it encoded
  }
  p = p.replace(/\\/g, '/');
  if (isFile) p = p.replace(/^\/+(?=[A-Za-z]:\/)/, '');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) p = p.replace(/\/{2,}/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

function positiveInt(v: unknown): number | undefined {
  const n = asNumber(v);
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

function sarifLocation(
  result: JsonObject,
  ctx: RunContext,
): FindingLocation | undefined {
  const physical = firstPhysicalLocation(result);
  const artifact = asRecord(physical?.artifactLocation);
  const index = asNumber(artifact?.index);
  const uri =
    asNonEmptyString(artifact?.uri) ??
    (index !== undefined && index >= 0
      ? asNonEmptyString(asRecord(ctx.artifacts[index]?.location)?.uri)
      : undefined);
  if (!uri) return undefined;
  const path = normalizeSarifUri(uri);
  if (!path) return undefined;
  const region = asRecord(physical?.region);
  return dropUndefined({
    path,
    startLine: positiveInt(region?.startLine),
    endLine: positiveInt(region?.endLine),
    startColumn: positiveInt(region?.startColumn),
    endColumn: positiveInt(region?.endColumn),
  });
}

// ---------------------------------------------------------------------------
// Packages

/** What a result says about a vulnerable package, before we know its category. */
export interface PackageClues {
  name: string;
  version?: string;
  fixedVersion?: string;
  ecosystem?: string;
}

/** "Key: value" lines of a text (Trivy messages, Grype rule help). */
function labelledLines(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of (text ?? '').split(/\r?\n/)) {
    const m = line.match(/^\s*([A-Za-z][A-Za-z ]{0,30}):\s*(.*?)\s*$/);
    if (m && !map.has(m[1].toLowerCase())) map.set(m[1].toLowerCase(), m[2]);
  }
  return map;
}

/** "name@version" split at the last '@' (so "@scope/pkg@1.0" works). */
function splitAtVersion(
  s: string,
): { name: string; version?: string } | undefined {
  const at = s.lastIndexOf('@');
  if (at <= 0) return undefined;
  const name = s.slice(0, at);
  const version = s.slice(at + 1);
  if (!name || !version || /[\s/:]/.test(version)) return undefined;
  return { name, version };
}

const OS_PURL_TYPES = new Set([
  'apk',
  'deb',
  'rpm',
  'alpm',
  'alpine',
  'debian',
]);

/** name, version and ecosystem (the purl type) of a package URL. */
export function parsePurl(purl: string): PackageClues | undefined {
  const m = purl.match(/^pkg:([a-zA-Z0-9.+-]+)\/([^?#]+)/);
  if (!m) return undefined;
  const type = m[1].toLowerCase();
  let rest = m[2];
  let version: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at > 0) {
    version = decodeSafe(rest.slice(at + 1));
    rest = rest.slice(0, at);
  }
  const parts = rest.split('/').map(decodeSafe);
  const name = parts[parts.length - 1];
  const namespace = parts.slice(0, -1).join('/');
  if (!name) return undefined;
  let fullName = name;
  if (namespace && type === 'maven') fullName = `${namespace}:${name}`;
  else if (namespace && !OS_PURL_TYPES.has(type))
    fullName = `${namespace}/${name}`;
  return dropUndefined({ name: fullName, version, ecosystem: type });
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Grype's package 'Type' and Snyk's package manager, as purl-style types. */
const ECOSYSTEM_ALIASES: Record<string, string> = {
  'java-archive': 'maven',
  'jenkins-plugin': 'maven',
  python: 'pypi',
  pip: 'pypi',
  'go-module': 'golang',
  gomodules: 'golang',
  'rust-crate': 'cargo',
  dotnet: 'nuget',
  'php-composer': 'composer',
  yarn: 'npm',
  pnpm: 'npm',
  rubygems: 'gem',
};

/** Lock file / manifest base name → ecosystem (OSV-Scanner names only the file). */
const MANIFEST_ECOSYSTEMS: Record<string, string> = {
  'package-lock.json': 'npm',
  'package.json': 'npm',
  'yarn.lock': 'npm',
  'pnpm-lock.yaml': 'npm',
  'requirements.txt': 'pypi',
  'pipfile.lock': 'pypi',
  'poetry.lock': 'pypi',
  'pom.xml': 'maven',
  'build.gradle': 'maven',
  'gradle.lockfile': 'maven',
  'go.mod': 'golang',
  'go.sum': 'golang',
  'gemfile.lock': 'gem',
  'cargo.lock': 'cargo',
  'composer.lock': 'composer',
  'packages.lock.json': 'nuget',
};

function normaliseEcosystem(word: string | undefined): string | undefined {
  const w = word?.trim().toLowerCase();
  if (!w) return undefined;
  return ECOSYSTEM_ALIASES[w] ?? w;
}

function ecosystemOfPath(path: string | undefined): string | undefined {
  const base = path?.split('/').pop()?.toLowerCase();
  return base ? MANIFEST_ECOSYSTEMS[base] : undefined;
}

/**
 * A vulnerable package as the fixtures show tools write it in SARIF:
 * - Trivy: message lines "Package: x", "Installed Version: y", "Fixed Version: z";
 * - Grype: rule help lines "Package:", "Version:", "Fix Version:", "Type:"
 *   and rule `properties.purls`;
 * - OSV-Scanner: message "Package 'name@version' is vulnerable to ...";
 * - Snyk: `logicalLocations[].fullyQualifiedName` "name@version" and a fix
 *   "Upgrade to name@version";
 * - dependency-check: a purl in the artifact's properties.
 * Message lines win over the rule help (a Trivy rule is shared by all the
 * packages a CVE affects; its help names only the first).
 */
function sarifPackageClues(
  result: JsonObject,
  rule: JsonObject | undefined,
  messageText: string | undefined,
  helpText: string | undefined,
  ctx: RunContext,
): PackageClues | undefined {
  const fromMessage = labelledLines(messageText);
  const fromHelp = labelledLines(helpText);
  const label = (...keys: string[]) => {
    for (const source of [fromMessage, fromHelp]) {
      for (const k of keys) {
        const v = source.get(k);
        if (v) return v;
      }
    }
    return undefined;
  };
  const purl = sarifPurl(result, rule, ctx);
  const osv = messageText?.match(/Package '([^']+)' is vulnerable to/)?.[1];
  const logical = asRecords(asRecords(result.locations)[0]?.logicalLocations)
    .map(l => asNonEmptyString(l.fullyQualifiedName))
    .map(fqn => (fqn ? splitAtVersion(fqn) : undefined))
    .find(Boolean);
  const labelled = label('package');
  const fromText = labelled
    ? { name: labelled, version: label('installed version', 'version') }
    : (osv && splitAtVersion(osv)) || logical;
  const name = fromText?.name ?? purl?.name;
  if (!name) return undefined;

  const fixText = textOf(asRecords(result.fixes)[0]?.description);
  const snykFix = fixText?.match(/^Upgrade to (\S+)/)?.[1];
  const snykManager = asString(asRecord(rule?.help)?.markdown)?.match(
    /Package Manager:\s*(\S+)/,
  )?.[1];
  // Grype's "Type:" line; only next to a "Package:" line (Trivy IaC help has
  // "Type: Terraform Security Check").
  const grypeType = labelled ? label('type') : undefined;
  return dropUndefined({
    name,
    version: fromText?.version ?? purl?.version,
    fixedVersion:
      label('fixed version', 'fix version') ??
      (snykFix ? splitAtVersion(snykFix)?.version : undefined),
    ecosystem: purl?.ecosystem ?? normaliseEcosystem(grypeType ?? snykManager),
  });
}

function sarifPurl(
  result: JsonObject,
  rule: JsonObject | undefined,
  ctx: RunContext,
): PackageClues | undefined {
  const ruleProps = asRecord(rule?.properties) ?? {};
  const index = asNumber(
    asRecord(firstPhysicalLocation(result)?.artifactLocation)?.index,
  );
  const artifactProps =
    index !== undefined && index >= 0
      ? asRecord(ctx.artifacts[index]?.properties) ?? {}
      : {};
  const candidates = [
    ...asStrings(ruleProps.purls),
    asString(ruleProps.purl),
    asString(asRecord(result.properties)?.purl),
    ...Object.values(artifactProps).map(asString),
  ];
  const purl = candidates.find(c => c?.startsWith('pkg:'));
  return purl ? parsePurl(purl) : undefined;
}

function toPackage(
  clues: PackageClues,
  manifest: string | undefined,
): FindingPackage {
  return dropUndefined({
    name: clues.name,
    version: clues.version,
    ecosystem: clues.ecosystem ?? ecosystemOfPath(manifest),
    manifest,
    fixedVersion: clues.fixedVersion,
  });
}

/**
 * The container image a result was found in, when the file says so: Trivy's
 * `run.properties.imageName`, Grype's message "... found in image X at: ...".
 */
function sarifImage(
  messageText: string | undefined,
  ctx: RunContext,
): string | undefined {
  return ctx.imageName ?? messageText?.match(/\bfound in image (\S+) at:/)?.[1];
}

/**
 * The image without its tag or digest: the manifest of a container finding,
 * so that rebuilding the image (new tag, new digest) keeps its findings.
 */
export function imageManifest(image: string): string {
  const noDigest = image.split('@')[0];
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > lastSlash ? noDigest.slice(0, colon) : noDigest;
}

// ---------------------------------------------------------------------------
// Category

/** What `inferSarifCategory` looks at. */
export interface SarifCategoryInput {
  toolName: string;
  ruleId: string;
  /** reportingDescriptor.name: Trivy writes 'OsPackageVulnerability', 'Misconfiguration'... */
  ruleName?: string;
  tags: readonly string[];
  /** A vulnerable package could be read from the result. */
  hasPackage: boolean;
  /** A CVE or GHSA id was found. */
  hasAdvisory: boolean;
  /** The scanned target is a container image (see sarifImage). */
  inImage: boolean;
}

const SECRET_TOOLS = /gitleaks|trufflehog|detect-secrets|secret/;
const IAC_TOOLS =
  /checkov|kics|tfsec|terrascan|snyk iac|cfn[-_ ]?(lint|nag)|kube-?linter|kubesec/;
const DEPENDENCY_TOOLS =
  /grype|osv-scanner|dependency-check|npm audit|snyk open source|retire|govulncheck|pip-audit|bundler-audit/;
const CONTAINER_TOOLS = /snyk container|docker scout/;

/**
 * The category of a SARIF result, from the tool and the rule.
 * - secret: secret scanners by name, or a rule tagged 'secret(s)', or a
 *   Trivy/Wiz secret rule;
 * - iac: IaC scanners by name; Trivy misconfigurations (rule name
 *   'Misconfiguration', ids AVD-* / DS*); Wiz 'iac-*' rules;
 * - container / dependency: SCA tools by name, Trivy package
 *   vulnerabilities, and any tool's result that names a package and a
 *   CVE/GHSA. Judgement call: it is 'container' when the target is an image
 *   (Snyk Container, Trivy's imageName, Grype's "found in image", Trivy's
 *   OsPackageVulnerability), since then the fix is a new base image or
 *   rebuild, not a manifest change; otherwise 'dependency';
 * - code: everything else (SAST, linters, Scorecard).
 */
export function inferSarifCategory(input: SarifCategoryInput): FindingCategory {
  const tool = input.toolName.toLowerCase();
  const tags = new Set(input.tags.map(t => t.toLowerCase()));
  const ruleName = (input.ruleName ?? '').toLowerCase();
  const ruleId = input.ruleId.toLowerCase();
  const isTrivy = tool.startsWith('trivy');
  const isWiz = tool.startsWith('wiz');

  if (
    SECRET_TOOLS.test(tool) ||
    tags.has('secret') ||
    tags.has('secrets') ||
    (isTrivy && ruleName === 'secret') ||
    (isWiz && ruleId.startsWith('secret'))
  ) {
    return 'secret';
  }
  if (
    IAC_TOOLS.test(tool) ||
    (isTrivy &&
      (ruleName === 'misconfiguration' ||
        /^(avd-|ds\d)/.test(ruleId) ||
        tags.has('misconfiguration'))) ||
    (isWiz && (ruleId.startsWith('iac-') || tags.has('iac')))
  ) {
    return 'iac';
  }
  if (CONTAINER_TOOLS.test(tool)) return 'container';
  const packageVulnerability =
    DEPENDENCY_TOOLS.test(tool) ||
    (isTrivy && ruleName.endsWith('packagevulnerability')) ||
    (input.hasPackage && input.hasAdvisory);
  if (packageVulnerability) {
    return input.inImage || ruleName === 'ospackagevulnerability'
      ? 'container'
      : 'dependency';
  }
  return 'code';
}

// ---------------------------------------------------------------------------
// Fingerprint

/**
 * The tool's own fingerprints when it gives some (partialFingerprints win
 * over fingerprints of the same key); else package + advisory + manifest for
 * a package finding; else tool + rule + path + snippet (or region).
 */
function sarifFingerprint(options: {
  result: JsonObject;
  toolName: string;
  ruleId: string;
  pkg?: FindingPackage;
  isPackageFinding: boolean;
  advisory: string;
  location?: FindingLocation;
  snippet?: string;
}): string {
  const stringEntries = (v: unknown) =>
    Object.entries(asRecord(v) ?? {}).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    );
  const toolPrints = Object.fromEntries([
    ...stringEntries(options.result.fingerprints),
    ...stringEntries(options.result.partialFingerprints),
  ]);
  if (Object.keys(toolPrints).length) {
    return toolFingerprint(options.toolName, options.ruleId, toolPrints);
  }
  if (options.isPackageFinding && options.pkg) {
    return dependencyFingerprint({
      packageName: options.pkg.name,
      advisoryId: options.advisory,
      manifest: options.pkg.manifest ?? options.location?.path,
    });
  }
  return codeFingerprint({
    tool: options.toolName,
    ruleId: options.ruleId,
    path: options.location?.path,
    snippet: options.snippet,
    startLine: options.location?.startLine,
    startColumn: options.location?.startColumn,
  });
}

/**
 * Two code findings with the same computed fingerprint (same rule, file and
 * snippet or region) are two occurrences: the later ones get ':2', ':3'...
 * Tool and dependency fingerprints are left alone (a repeated dependency
 * fingerprint is the same package + advisory reported twice).
 */
function numberRepeatedCodeFingerprints(
  findings: ParsedFinding[],
): ParsedFinding[] {
  const counts = new Map<string, number>();
  return findings.map(f => {
    if (!f.fingerprint.startsWith('c:')) return f;
    const n = (counts.get(f.fingerprint) ?? 0) + 1;
    counts.set(f.fingerprint, n);
    return n === 1 ? f : { ...f, fingerprint: `${f.fingerprint}:${n}` };
  });
}

// ---------------------------------------------------------------------------
// Suppression

/** See the header comment for the rules. */
export function sarifSuppression(
  result: JsonObject,
): FindingSuppression | undefined {
  const effective = asRecords(result.suppressions).filter(
    s => s.status !== 'rejected' && s.status !== 'underReview',
  );
  if (!effective.length) return undefined;
  const chosen = effective.find(s => s.status === 'accepted') ?? effective[0];
  const kind = chosen.kind === 'inSource' ? 'inSource' : 'external';
  // Snyk writes its ignore reason in properties.category: 'not-vulnerable'
  // is a false positive, 'wont-fix' / 'temporary-ignore' an accepted risk.
  const reason = asString(asRecord(chosen.properties)?.category) ?? '';
  const falsePositive =
    kind === 'inSource' ||
    /not[-_ ]?vulnerable|false[-_ ]?positive/i.test(reason);
  return dropUndefined<FindingSuppression>({
    kind,
    state: falsePositive ? 'false_positive' : 'accepted',
    justification: asNonEmptyString(chosen.justification),
  });
}

// ---------------------------------------------------------------------------
// Properties

/** Keys under which secret scanners write the secret itself. */
const SECRET_KEYS = /^(offender|secret|match|raw|rawv2|redacted)$/i;

/** A JSON value small enough to keep in a finding's properties. */
function smallJson(v: unknown): boolean {
  if (v === undefined) return false;
  const json = JSON.stringify(v);
  return json !== undefined && json.length <= MAX_PROPERTY_JSON;
}

function findingProperties(options: {
  messageText?: string;
  helpText?: string;
  tags: string[];
  precision: unknown;
  image?: string;
  resultProps: JsonObject;
  redactSecrets: boolean;
}): Record<string, unknown> | undefined {
  const resultProperties = Object.fromEntries(
    Object.entries(options.resultProps).filter(
      ([k, v]) =>
        smallJson(v) && !(options.redactSecrets && SECRET_KEYS.test(k)),
    ),
  );
  const props = dropUndefined({
    message: options.messageText && truncate(options.messageText, MAX_TEXT),
    help: options.helpText && truncate(options.helpText, MAX_TEXT),
    tags: options.tags.length ? unique(options.tags) : undefined,
    precision: asString(options.precision),
    image: options.image,
    resultProperties: Object.keys(resultProperties).length
      ? resultProperties
      : undefined,
  });
  return Object.keys(props).length ? props : undefined;
}

// ---------------------------------------------------------------------------

/** A copy without the keys whose value is undefined (keeps objects tidy for deep-equal). */
function dropUndefined<T extends object>(o: T): T {
  // A plain loop: this runs for every result, and entries/fromEntries showed
  // up in profiles of large scans.
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(o)) {
    const value = (o as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}
