import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AspmEntity,
  DEFECTDOJO_PRODUCT_ID_ANNOTATION,
  ParsedFinding,
} from '@aspm/plugin-aspm-common';
import {
  AspmImportedException,
  AspmIngestionSource,
  AspmSourcePullContext,
  AspmSourcePullResult,
} from '@aspm/plugin-aspm-node';
import {
  DefectDojoClient,
  DefectDojoHttpError,
  DefectDojoProduct,
} from './DefectDojoClient';
import { mapFinding } from './mapFinding';
import {
  DefectDojoRiskAcceptance,
  mapRiskAcceptance,
} from './mapRiskAcceptance';

/** The tool name every DefectDojo scan is stored under. */
export const DEFECTDOJO_TOOL_NAME = 'DefectDojo';

const CONFIG_KEY = 'aspm.sources.defectdojo';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 30 },
  initialDelay: { minutes: 2 },
};

/** Options of {@link DefectDojoSource}. @public */
export interface DefectDojoSourceOptions {
  /** DefectDojo's base URL, e.g. https://defectdojo.example.com */
  baseUrl: string;
  /** A DefectDojo API v2 key, sent as `Authorization: Token <token>`. */
  token: string;
  /** When to pull; default every hour. */
  schedule?: SchedulerServiceTaskScheduleDefinition;
  /** Findings per page. Default 100. */
  pageSize?: number;
  /** Longest single wait before a retry, also caps `Retry-After`. Default 60. */
  maxRetryWaitSeconds?: number;
  /**
   * Whether entities without the `defectdojo.org/product-id` annotation are
   * matched to the product named like them (name, then title). Default true.
   */
  matchByName?: boolean;
  /** Entity kinds matched by name. Default ["Component"]. */
  matchByNameKinds?: string[];
  /** For tests: the first backoff without `Retry-After` (doubles per retry). Default 1000. */
  retryBaseDelayMs?: number;
  /** For tests: the fetch implementation. */
  fetch?: typeof fetch;
  /** For tests: the clock that decides whether a risk acceptance has expired. */
  now?: () => Date;
}

interface ProductListing {
  findings: ParsedFinding[];
  /** DefectDojo ids of `findings` (duplicates are not among them). */
  findingIds: Set<number>;
  skippedDuplicates: number;
  scannedAt: Date;
}

function positiveInteger(value: number, key: string, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(
      `${CONFIG_KEY}.${key} must be a whole number in 1..${max}, got ${value}`,
    );
  }
  return value;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Pulls findings from DefectDojo (API v2) into the ASPM store: one scan per
 * entity, the product's complete finding list, with DefectDojo's own
 * lifecycle (mitigated, false positive, risk accepted) as the source state;
 * then the risk acceptances covering the entity's findings, as its
 * exceptions. See the package README for the configuration and the mappings.
 * @public
 */
export class DefectDojoSource implements AspmIngestionSource {
  readonly id = 'defectdojo';
  readonly description: string;
  readonly schedule?: SchedulerServiceTaskScheduleDefinition;
  private readonly baseUrl: string;
  private readonly pageSize: number;
  private readonly maxRetryWaitMs: number;
  private readonly matchByName: boolean;
  private readonly matchByNameKinds: string[];
  private readonly now: () => Date;

  /** Reads `aspm.sources.defectdojo` from the root config. */
  static fromConfig(config: Config): DefectDojoSource {
    const c = config.getConfig(CONFIG_KEY);
    return new DefectDojoSource({
      baseUrl: c.getString('baseUrl'),
      token: c.getString('token'),
      schedule: c.has('schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            c.getConfig('schedule'),
          )
        : undefined,
      pageSize: c.getOptionalNumber('pageSize'),
      maxRetryWaitSeconds: c.getOptionalNumber('maxRetryWaitSeconds'),
      matchByName: c.getOptionalBoolean('matchByName'),
      matchByNameKinds: c.getOptionalStringArray('matchByNameKinds'),
    });
  }

  constructor(private readonly options: DefectDojoSourceOptions) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new Error(
        `${CONFIG_KEY}.baseUrl must be a URL, got '${options.baseUrl}'`,
      );
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new Error(
        `${CONFIG_KEY}.baseUrl must be an http(s) URL, got '${options.baseUrl}'`,
      );
    }
    if (!options.token.trim()) {
      throw new Error(`${CONFIG_KEY}.token must not be empty`);
    }
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.pageSize = positiveInteger(options.pageSize ?? 100, 'pageSize', 1000);
    const maxWait = options.maxRetryWaitSeconds ?? 60;
    if (!(maxWait >= 0 && maxWait <= 3600)) {
      throw new Error(
        `${CONFIG_KEY}.maxRetryWaitSeconds must be in 0..3600, got ${maxWait}`,
      );
    }
    this.maxRetryWaitMs = maxWait * 1000;
    this.matchByName = options.matchByName ?? true;
    this.matchByNameKinds = (options.matchByNameKinds ?? ['Component']).map(k =>
      k.toLocaleLowerCase('en-US'),
    );
    this.schedule = options.schedule ?? DEFAULT_SCHEDULE;
    this.now = options.now ?? (() => new Date());
    this.description = `DefectDojo findings (API v2) from ${this.baseUrl}`;
  }

  async pull(ctx: AspmSourcePullContext): Promise<AspmSourcePullResult> {
    const { logger, signal } = ctx;
    const client = new DefectDojoClient({
      baseUrl: this.baseUrl,
      token: this.options.token,
      pageSize: this.pageSize,
      maxRetryWaitMs: this.maxRetryWaitMs,
      baseDelayMs: this.options.retryBaseDelayMs,
      fetch: this.options.fetch,
      logger,
    });
    // One listing per product and pull, shared by entities on the same product.
    const listings = new Map<string, Promise<ProductListing>>();
    const listProduct = (productId: string) => {
      let listing = listings.get(productId);
      if (!listing) {
        listing = this.listProduct(client, productId, signal);
        listings.set(productId, listing);
      }
      return listing;
    };

    // Risk acceptances have no product filter: listed once per pull (when the
    // first entity needs them) and matched to each entity by finding id.
    let riskAcceptances: Promise<DefectDojoRiskAcceptance[]> | undefined;
    const listRiskAcceptances = () => {
      riskAcceptances ??= client.listRiskAcceptances(signal);
      return riskAcceptances;
    };
    // The store keys source exceptions by external id: an acceptance on a
    // product that several entities share goes to the first of them only.
    const claimed = new Map<string, string>();

    const errors: AspmSourcePullResult['errors'] = [];
    let entities = 0;
    let authFailure: string | undefined;

    for (const entity of await ctx.listEntities()) {
      signal?.throwIfAborted();
      const annotated = entity.defectdojoProductId?.trim();
      const byName =
        !annotated &&
        this.matchByName &&
        this.matchByNameKinds.includes(entity.kind.toLocaleLowerCase('en-US'));
      if (!annotated && !byName) continue;
      if (authFailure) {
        // The token was rejected: every further request would be too. Entities
        // that only might match by name are not reported.
        if (annotated)
          errors.push({ entityRef: entity.entityRef, message: authFailure });
        continue;
      }

      let productId = annotated;
      try {
        if (annotated) {
          await client.getProduct(annotated, signal);
        } else {
          const product = await this.productByName(client, entity, signal);
          if (!product) {
            logger.debug(
              `No DefectDojo product named like ${entity.entityRef}`,
            );
            continue;
          }
          productId = String(product.id);
          logger.debug(
            `Matched ${entity.entityRef} to DefectDojo product ${product.id} '${product.name}' by name`,
          );
        }
        const listing = await listProduct(productId!);
        const runKey = `defectdojo:${productId}`;
        await ctx.submitScan({
          entityRef: entity.entityRef,
          tool: { name: DEFECTDOJO_TOOL_NAME },
          runKey,
          scannedAt: listing.scannedAt,
          findings: listing.findings,
        });
        logger.debug(
          `Pulled ${listing.findings.length} DefectDojo findings of product ${productId} for ${entity.entityRef} (${listing.skippedDuplicates} duplicates skipped)`,
        );

        // The entity's risk acceptances, after its scan (so the findings they
        // cover exist). A failure leaves its stored exceptions as they are.
        let acceptances: DefectDojoRiskAcceptance[];
        try {
          acceptances = await listRiskAcceptances();
        } catch (error) {
          if (signal?.aborted) throw signal.reason ?? error;
          throw new Error(
            `risk acceptances not read, so no exceptions imported (the findings were stored): ${errorMessage(
              error,
            )}`,
          );
        }
        const now = this.now();
        const exceptions: AspmImportedException[] = [];
        const elsewhere: string[] = [];
        for (const ra of acceptances) {
          const exception = mapRiskAcceptance(ra, {
            productId: productId!,
            findingIds: listing.findingIds,
            tool: DEFECTDOJO_TOOL_NAME,
            runKey,
            now,
          });
          if (!exception) continue;
          const owner = claimed.get(exception.externalId);
          if (owner && owner !== entity.entityRef) {
            elsewhere.push(exception.externalId);
            continue;
          }
          claimed.set(exception.externalId, entity.entityRef);
          exceptions.push(exception);
        }
        if (elsewhere.length) {
          logger.warn(
            `DefectDojo product ${productId} belongs to several entities; its risk acceptances ${elsewhere.join(
              ', ',
            )} are imported for the first of them only, not for ${
              entity.entityRef
            }`,
          );
        }
        try {
          // The whole listing was read: acceptances gone from it were
          // deleted in DefectDojo, and are retired here.
          await ctx.submitExceptions({
            entityRef: entity.entityRef,
            exceptions,
            complete: true,
          });
        } catch (error) {
          if (signal?.aborted) throw signal.reason ?? error;
          throw new Error(
            `risk acceptances not stored (the findings were): ${errorMessage(
              error,
            )}`,
          );
        }
        entities += 1;
        logger.debug(
          `Imported ${exceptions.length} DefectDojo risk acceptances of product ${productId} for ${entity.entityRef}`,
        );
      } catch (error) {
        if (signal?.aborted) throw signal.reason ?? error;
        const message = this.describeFailure(
          error,
          entity,
          productId,
          Boolean(annotated),
        );
        errors.push({ entityRef: entity.entityRef, message });
        if (error instanceof DefectDojoHttpError && error.status === 401) {
          authFailure = message;
          logger.error(message);
        } else {
          logger.warn(
            `DefectDojo pull for ${entity.entityRef} failed: ${message}`,
          );
        }
      }
    }
    return { entities, errors };
  }

  private async listProduct(
    client: DefectDojoClient,
    productId: string,
    signal?: AbortSignal,
  ): Promise<ProductListing> {
    const raw = await client.listFindings(productId, signal);
    const scannedAt = new Date();
    const findings: ParsedFinding[] = [];
    const findingIds = new Set<number>();
    let skippedDuplicates = 0;
    for (const f of raw) {
      const mapped = mapFinding(f, { baseUrl: this.baseUrl, productId });
      if (mapped) {
        findings.push(mapped);
        findingIds.add(f.id);
      } else skippedDuplicates += 1;
    }
    return { findings, findingIds, skippedDuplicates, scannedAt };
  }

  /** The product named like the entity: by `metadata.name`, then by title. */
  private async productByName(
    client: DefectDojoClient,
    entity: AspmEntity,
    signal?: AbortSignal,
  ): Promise<DefectDojoProduct | undefined> {
    const names = [entity.name, entity.title].filter(
      (n, i, all): n is string => Boolean(n?.trim()) && all.indexOf(n) === i,
    );
    for (const name of names) {
      const products = await client.findProductsByName(name, signal);
      if (products.length > 1) {
        throw new Error(
          `${
            products.length
          } DefectDojo products are named '${name}' (${products
            .map(p => p.id)
            .join(
              ', ',
            )}); set the ${DEFECTDOJO_PRODUCT_ID_ANNOTATION} annotation`,
        );
      }
      if (products.length === 1) return products[0];
    }
    return undefined;
  }

  private describeFailure(
    error: unknown,
    entity: AspmEntity,
    productId: string | undefined,
    annotated: boolean,
  ): string {
    const product = productId
      ? `DefectDojo product ${productId}`
      : 'DefectDojo';
    if (
      error instanceof DefectDojoHttpError &&
      error.status === 404 &&
      annotated &&
      /\/products\//.test(error.path)
    ) {
      return `${product} (annotation ${DEFECTDOJO_PRODUCT_ID_ANNOTATION} of ${entity.entityRef}) was not found, or the token's user may not see it: ${error.message}`;
    }
    return `${product}: ${errorMessage(error)}`;
  }
}
