import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { ParsedFinding } from '@aspm/plugin-aspm-common';
import {
  AspmImportedException,
  AspmIngestionSource,
  AspmSourcePullContext,
  AspmSourcePullResult,
} from '@aspm/plugin-aspm-node';
import { GithubRestClient } from './GithubRestClient';
import {
  codeScanningToolOf,
  dismissalException,
  mapCodeScanningAlert,
  mapDependabotAlert,
  mapSecretScanningAlert,
} from './mappers';

/** The alert types the source reads, with their endpoint and run key. */
export const GITHUB_ALERT_TYPES = {
  codeScanning: {
    label: 'code scanning',
    path: 'code-scanning/alerts',
    query: 'per_page=100',
    runKey: 'github-code-scanning',
  },
  dependabot: {
    label: 'Dependabot',
    path: 'dependabot/alerts',
    query: 'per_page=100',
    runKey: 'github-dependabot',
  },
  secretScanning: {
    label: 'secret scanning',
    path: 'secret-scanning/alerts',
    // The literal secret never leaves GitHub (the mapper drops it anyway).
    query: 'per_page=100&hide_secret=true',
    runKey: 'github-secret-scanning',
  },
} as const;

/** @public */
export type GithubAlertType = keyof typeof GITHUB_ALERT_TYPES;

const PROJECT_SLUG_SOURCE = 'github.com/project-slug';
const DEFAULT_MAX_RETRY_WAIT_SECONDS = 60;

/** Options of {@link GithubAlertsSource}. @public */
export interface GithubAlertsSourceOptions {
  logger: LoggerService;
  credentialsProvider: GithubCredentialsProvider;
  /** Host of the GitHub integration the project slugs refer to, e.g. github.com. */
  host: string;
  /** REST API base, e.g. https://api.github.com. */
  apiBaseUrl: string;
  schedule?: SchedulerServiceTaskScheduleDefinition;
  /** Longest wait before retrying a rate-limited or failed request. Default 60 s. */
  maxRetryWaitSeconds?: number;
  /** Retries per request. Default 3. */
  maxRetries?: number;
  /** Alert types to read. Default all three. */
  alertTypes?: GithubAlertType[];
  fetch?: typeof fetch;
}

/**
 * Pulls GitHub code scanning, Dependabot and secret scanning alerts of the
 * repositories that catalog entities name in their `github.com/project-slug`
 * annotation. Each alert type of each repository is listed completely
 * (every page) before anything is submitted for it: one scan per entity and
 * code scanning tool, one for Dependabot, one for secret scanning, each with
 * the source's own alert states. A listing that fails is reported as an
 * error and submits nothing, so no finding is closed for lack of data; an
 * alert type that is not enabled for a repository is skipped silently.
 * Alerts dismissed as an accepted risk (won't fix, tolerable risk, no
 * bandwidth) are then imported as the entity's exceptions, only when all of
 * its alerts were read and stored.
 * @public
 */
export class GithubAlertsSource implements AspmIngestionSource {
  readonly id = 'github';
  readonly description =
    'GitHub code scanning, Dependabot and secret scanning alerts of repositories named by github.com/project-slug';
  readonly schedule?: SchedulerServiceTaskScheduleDefinition;

  static fromConfig(
    config: Config,
    options: { logger: LoggerService; fetch?: typeof fetch },
  ): GithubAlertsSource {
    const integrations = ScmIntegrations.fromConfig(config);
    const sourceConfig = config.getOptionalConfig('aspm.sources.github');
    const host = sourceConfig?.getOptionalString('host') ?? 'github.com';
    const integration = integrations.github.byHost(host);
    if (!integration) {
      throw new Error(
        `aspm.sources.github.host is ${host}, but integrations.github has no entry for that host`,
      );
    }
    const scheduleConfig = sourceConfig?.getOptionalConfig('schedule');
    const alertTypes = sourceConfig?.getOptionalStringArray('alertTypes');
    for (const t of alertTypes ?? []) {
      if (!(t in GITHUB_ALERT_TYPES)) {
        throw new Error(
          `aspm.sources.github.alertTypes has '${t}'; known: ${Object.keys(
            GITHUB_ALERT_TYPES,
          ).join(', ')}`,
        );
      }
    }
    return new GithubAlertsSource({
      logger: options.logger,
      fetch: options.fetch,
      credentialsProvider:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      host,
      apiBaseUrl: integration.config.apiBaseUrl ?? 'https://api.github.com',
      schedule: scheduleConfig
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
        : undefined,
      maxRetryWaitSeconds: sourceConfig?.getOptionalNumber(
        'maxRetryWaitSeconds',
      ),
      alertTypes: alertTypes as GithubAlertType[] | undefined,
    });
  }

  constructor(private readonly options: GithubAlertsSourceOptions) {
    this.schedule = options.schedule;
  }

  async pull(ctx: AspmSourcePullContext): Promise<AspmSourcePullResult> {
    const logger = ctx.logger ?? this.options.logger;
    const entities = (await ctx.listEntities()).flatMap(e => {
      const slug = e.repository?.slug;
      return e.repository?.source === PROJECT_SLUG_SOURCE &&
        slug &&
        /^[^/\s]+\/[^/\s]+$/.test(slug)
        ? [{ entityRef: e.entityRef, slug }]
        : [];
    });
    const result: AspmSourcePullResult = { entities: 0, errors: [] };
    // The store keys imported exceptions by external id: a repository that
    // several entities name has its dismissals imported for the first only.
    const claimed = new Map<string, string>();
    for (const entity of entities) {
      if (ctx.signal?.aborted) {
        throw ctx.signal.reason instanceof Error
          ? ctx.signal.reason
          : new Error('The GitHub pull was aborted');
      }
      const errors = await this.pullEntity(
        entity.entityRef,
        entity.slug,
        ctx,
        logger,
        claimed,
      );
      if (errors.length === 0) result.entities += 1;
      result.errors.push(
        ...errors.map(message => ({ entityRef: entity.entityRef, message })),
      );
    }
    logger.info(
      `GitHub alerts: ${entities.length} repositories, ${result.entities} read completely, ${result.errors.length} errors`,
    );
    return result;
  }

  /**
   * Pulls every alert type of one repository, then imports its risk-accepting
   * dismissals as exceptions if everything was read and stored; answers the
   * error messages.
   */
  private async pullEntity(
    entityRef: string,
    slug: string,
    ctx: AspmSourcePullContext,
    logger: LoggerService,
    claimed: Map<string, string>,
  ): Promise<string[]> {
    const { host, apiBaseUrl, credentialsProvider } = this.options;
    let headers: Record<string, string>;
    try {
      const credentials = await credentialsProvider.getCredentials({
        url: `https://${host}/${slug}`,
      });
      headers = credentials.headers ?? {};
    } catch (error) {
      return [`GitHub credentials for ${slug}: ${messageOf(error)}`];
    }
    const client = new GithubRestClient({
      logger,
      headers,
      maxRetryWaitMs:
        (this.options.maxRetryWaitSeconds ?? DEFAULT_MAX_RETRY_WAIT_SECONDS) *
        1000,
      maxRetries: this.options.maxRetries,
      signal: ctx.signal,
      fetch: this.options.fetch,
    });

    const errors: string[] = [];
    const exceptions: AspmImportedException[] = [];
    const types =
      this.options.alertTypes ??
      (Object.keys(GITHUB_ALERT_TYPES) as GithubAlertType[]);
    // The dismissals are the whole picture only when every alert type was
    // listed; otherwise earlier imports of the unread types must stay.
    let complete = types.length === Object.keys(GITHUB_ALERT_TYPES).length;
    for (const type of types) {
      const { label, path, query, runKey } = GITHUB_ALERT_TYPES[type];
      const url = `${apiBaseUrl.replace(/\/+$/, '')}/repos/${slug
        .split('/')
        .map(encodeURIComponent)
        .join('/')}/${path}?${query}`;
      let items: unknown[];
      try {
        const listing = await client.listAll(url);
        if (listing.kind === 'disabled') {
          logger.debug(
            `GitHub ${label} is not enabled for ${slug} (${listing.message}); skipped`,
          );
          complete = false;
          continue;
        }
        items = listing.items;
      } catch (error) {
        if (ctx.signal?.aborted) throw error;
        errors.push(
          `GitHub ${label} alerts of ${slug} not read completely, nothing submitted: ${messageOf(
            error,
          )}`,
        );
        continue;
      }
      const scannedAt = new Date();

      // One scan per tool: code scanning alerts of several tools (CodeQL, a
      // third-party SARIF upload...) are separate pictures.
      const scans = new Map<
        string,
        { tool: { name: string; version?: string }; findings: ParsedFinding[] }
      >();
      for (const item of items) {
        let tool: { name: string; version?: string };
        let finding: ParsedFinding;
        if (type === 'codeScanning') {
          tool = codeScanningToolOf(item);
          finding = mapCodeScanningAlert(item, slug);
        } else if (type === 'dependabot') {
          tool = { name: 'Dependabot' };
          finding = mapDependabotAlert(item, slug);
        } else {
          tool = { name: 'GitHub secret scanning' };
          finding = mapSecretScanningAlert(item, slug);
        }
        const exception = dismissalException(type, item, slug, {
          tool: tool.name,
          fingerprint: finding.fingerprint,
          runKey,
        });
        // Imported only once the whole entity was read and stored (below).
        if (exception) exceptions.push(exception);
        const scan = scans.get(tool.name) ?? {
          tool: { name: tool.name },
          findings: [],
        };
        if (!scan.tool.version && tool.version)
          scan.tool.version = tool.version;
        scan.findings.push(finding);
        scans.set(tool.name, scan);
      }
      // An empty complete listing is a picture too: no open alerts. Code
      // scanning answers no tool then, so there is nothing to submit.
      if (scans.size === 0 && type !== 'codeScanning') {
        scans.set(type, {
          tool: {
            name:
              type === 'dependabot' ? 'Dependabot' : 'GitHub secret scanning',
          },
          findings: [],
        });
      }
      for (const scan of scans.values()) {
        try {
          await ctx.submitScan({
            entityRef,
            tool: scan.tool,
            runKey,
            scannedAt,
            findings: scan.findings,
          });
        } catch (error) {
          errors.push(
            `GitHub ${label} alerts of ${slug} (${
              scan.tool.name
            }) not stored: ${messageOf(error)}`,
          );
        }
      }
    }

    // Exceptions only when every alert type answered and its scans were
    // stored: a partial read must not change what is stored. An empty list
    // is sent when GitHub answered with no such dismissal. When every alert
    // type was listed the batch is complete: earlier imports whose alert is
    // no longer dismissed (it was reopened) are revoked.
    if (errors.length) {
      logger.debug(
        `GitHub dismissals of ${slug} not imported as exceptions: the alerts were not read or stored completely`,
      );
      return errors;
    }
    const own: AspmImportedException[] = [];
    const elsewhere: string[] = [];
    for (const exception of exceptions) {
      const owner = claimed.get(exception.externalId);
      if (owner && owner !== entityRef) {
        elsewhere.push(exception.externalId);
        continue;
      }
      claimed.set(exception.externalId, entityRef);
      own.push(exception);
    }
    if (elsewhere.length) {
      logger.warn(
        `GitHub repository ${slug} is named by several entities; its dismissals ${elsewhere.join(
          ', ',
        )} are imported as exceptions of the first of them only, not of ${entityRef}`,
      );
    }
    try {
      await ctx.submitExceptions({
        entityRef,
        exceptions: own,
        complete,
      });
    } catch (error) {
      if (ctx.signal?.aborted) throw error;
      errors.push(
        `GitHub dismissals of ${slug} not stored as exceptions: ${messageOf(
          error,
        )}`,
      );
    }
    return errors;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
