import { LoggerService } from '@backstage/backend-plugin-api';
import { DefectDojoFinding } from './mapFinding';
import { DefectDojoRiskAcceptance } from './mapRiskAcceptance';

/** The config key of the API token, named in authentication errors. */
export const TOKEN_CONFIG_KEY = 'aspm.sources.defectdojo.token';

/** A DefectDojo product as the client needs it. */
export interface DefectDojoProduct {
  id: number;
  name: string;
}

/** A non-2xx answer (after retries, for 429 and 5xx). */
export class DefectDojoHttpError extends Error {
  constructor(readonly status: number, readonly path: string, message: string) {
    super(message);
    this.name = 'DefectDojoHttpError';
  }
}

/** A listing that was not complete or not consistent. */
export class DefectDojoListingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DefectDojoListingError';
  }
}

export interface DefectDojoClientOptions {
  /** Without a trailing slash, e.g. https://defectdojo.example.com */
  baseUrl: string;
  token: string;
  pageSize: number;
  /** Upper bound of one wait before a retry (also caps `Retry-After`). */
  maxRetryWaitMs: number;
  /** Retries after the first attempt for 429, 5xx and network errors. Default 3. */
  retries?: number;
  /** First backoff when the server sends no `Retry-After`; doubles per retry. Default 1 s. */
  baseDelayMs?: number;
  /** Per request. Default 60 s. */
  requestTimeoutMs?: number;
  logger?: LoggerService;
  fetch?: typeof fetch;
}

interface Page<T> {
  count: number;
  next: string | null;
  results: T[];
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(
  value: string | null,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A small read-only DefectDojo API v2 client: token auth, retries with
 * backoff for 429 / 5xx / network errors, `next`-link pagination.
 */
export class DefectDojoClient {
  private readonly baseUrl: URL;
  private readonly fetchFn: typeof fetch;
  private readonly retries: number;
  private readonly baseDelayMs: number;
  private readonly requestTimeoutMs: number;
  private warnedAboutNextOrigin = false;

  constructor(private readonly options: DefectDojoClientOptions) {
    this.baseUrl = new URL(`${options.baseUrl.replace(/\/+$/, '')}/`);
    this.fetchFn = options.fetch ?? fetch;
    this.retries = options.retries ?? 3;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
  }

  /** An API URL under the base URL (which may have a path prefix). */
  private url(path: string, query: Record<string, string | number> = {}): URL {
    const url = new URL(path.replace(/^\/+/, ''), this.baseUrl);
    for (const [k, v] of Object.entries(query)) {
      url.searchParams.set(k, String(v));
    }
    return url;
  }

  /**
   * The `next` link, re-based onto the configured origin when DefectDojo
   * reports another one (e.g. http behind a TLS proxy): the token is only
   * ever sent to the configured host.
   */
  private nextUrl(next: string): URL {
    const url = new URL(next, this.baseUrl);
    if (url.origin !== this.baseUrl.origin) {
      if (!this.warnedAboutNextOrigin) {
        this.warnedAboutNextOrigin = true;
        this.options.logger?.warn(
          `DefectDojo pagination links point to ${url.origin}, not the configured ${this.baseUrl.origin}; following them on the configured origin`,
        );
      }
      return new URL(`${url.pathname}${url.search}`, this.baseUrl.origin);
    }
    return url;
  }

  private describe(url: URL): string {
    return `GET ${url.pathname}${url.search}`;
  }

  private statusError(
    status: number,
    statusText: string,
    url: URL,
  ): DefectDojoHttpError {
    const what = `DefectDojo answered ${status}${
      statusText ? ` ${statusText}` : ''
    } to ${this.describe(url)}`;
    if (status === 401) {
      return new DefectDojoHttpError(
        status,
        url.pathname,
        `${what}: the API token was rejected; check ${TOKEN_CONFIG_KEY} (a DefectDojo API v2 key, sent as "Authorization: Token <key>")`,
      );
    }
    if (status === 403) {
      return new DefectDojoHttpError(
        status,
        url.pathname,
        `${what}: the user of the API token in ${TOKEN_CONFIG_KEY} may not read this; give it at least read access to the product`,
      );
    }
    return new DefectDojoHttpError(status, url.pathname, what);
  }

  /** GETs JSON, retrying 429, 5xx and network errors. */
  async getJson(url: URL, signal?: AbortSignal): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const timeout = AbortSignal.timeout(this.requestTimeoutMs);
      const requestSignal = signal
        ? AbortSignal.any([signal, timeout])
        : timeout;
      let response: Response;
      try {
        response = await this.fetchFn(url, {
          headers: {
            Authorization: `Token ${this.options.token}`,
            Accept: 'application/json',
          },
          signal: requestSignal,
        });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (attempt >= this.retries) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(
            `DefectDojo did not answer ${this.describe(url)} after ${
              attempt + 1
            } attempts: ${reason}`,
          );
        }
        await sleep(this.backoff(attempt), signal);
        continue;
      }
      if (response.ok) {
        try {
          return await response.json();
        } catch {
          throw new Error(
            `DefectDojo answered ${this.describe(
              url,
            )} with a body that is not JSON`,
          );
        }
      }
      const retryable = response.status === 429 || response.status >= 500;
      // Free the connection.
      await response.body?.cancel().catch(() => undefined);
      if (!retryable || attempt >= this.retries) {
        const error = this.statusError(
          response.status,
          response.statusText,
          url,
        );
        if (retryable) {
          error.message += ` (after ${attempt + 1} attempts)`;
        }
        throw error;
      }
      const wait = Math.min(
        parseRetryAfter(response.headers.get('retry-after')) ??
          this.backoff(attempt),
        this.options.maxRetryWaitMs,
      );
      this.options.logger?.debug(
        `DefectDojo answered ${response.status} to ${this.describe(
          url,
        )}; retrying in ${wait} ms`,
      );
      await sleep(wait, signal);
    }
  }

  private backoff(attempt: number): number {
    return Math.min(
      this.baseDelayMs * 2 ** attempt,
      this.options.maxRetryWaitMs,
    );
  }

  private checkPage<T>(body: unknown, url: URL): Page<T> {
    if (
      !isRecord(body) ||
      typeof body.count !== 'number' ||
      !Array.isArray(body.results) ||
      !(
        body.next === null ||
        body.next === undefined ||
        typeof body.next === 'string'
      )
    ) {
      throw new DefectDojoListingError(
        `DefectDojo answered ${this.describe(
          url,
        )} with something that is not a paginated list ({count, next, results})`,
      );
    }
    return {
      count: body.count,
      next: (body.next as string | null) ?? null,
      results: body.results as T[],
    };
  }

  /**
   * Reads every page of a list, following `next` until it is null, and
   * checks that the pages add up to `count` with no id twice: a listing that
   * changed under us is an error, not a partial result.
   */
  async listAll<T extends { id: number }>(
    first: URL,
    signal?: AbortSignal,
  ): Promise<T[]> {
    const items: T[] = [];
    const ids = new Set<number>();
    const seenUrls = new Set<string>();
    let url: URL | undefined = first;
    let count: number | undefined;
    while (url) {
      if (seenUrls.has(url.href)) {
        throw new DefectDojoListingError(
          `DefectDojo pagination loops at ${this.describe(url)}`,
        );
      }
      seenUrls.add(url.href);
      const page: Page<T> = this.checkPage<T>(
        await this.getJson(url, signal),
        url,
      );
      if (count === undefined) count = page.count;
      else if (page.count !== count) {
        throw new DefectDojoListingError(
          `the listing changed while it was read (count ${count}, then ${page.count}); it is read again on the next pull`,
        );
      }
      for (const item of page.results) {
        if (!isRecord(item) || typeof item.id !== 'number') {
          throw new DefectDojoListingError(
            `DefectDojo answered ${this.describe(
              url,
            )} with a result without a numeric id`,
          );
        }
        if (ids.has(item.id)) {
          throw new DefectDojoListingError(
            `the listing changed while it was read (id ${item.id} on two pages); it is read again on the next pull`,
          );
        }
        ids.add(item.id);
        items.push(item);
      }
      if (items.length > count) {
        throw new DefectDojoListingError(
          `DefectDojo listed more results (${items.length}) than its count (${count})`,
        );
      }
      url = page.next ? this.nextUrl(page.next) : undefined;
      if (url && page.results.length === 0) {
        throw new DefectDojoListingError(
          `DefectDojo answered an empty page with a next link at ${this.describe(
            url,
          )}`,
        );
      }
    }
    if (items.length !== (count ?? 0)) {
      throw new DefectDojoListingError(
        `DefectDojo listed ${items.length} results but said there are ${count}; it is read again on the next pull`,
      );
    }
    return items;
  }

  /** GET /api/v2/products/<id>/; a 404 throws DefectDojoHttpError(404). */
  async getProduct(
    id: string,
    signal?: AbortSignal,
  ): Promise<DefectDojoProduct> {
    const url = this.url(`api/v2/products/${encodeURIComponent(id)}/`);
    const body = await this.getJson(url, signal);
    if (!isRecord(body) || typeof body.id !== 'number') {
      throw new Error(
        `DefectDojo answered ${this.describe(
          url,
        )} with something that is not a product`,
      );
    }
    return {
      id: body.id,
      name: typeof body.name === 'string' ? body.name : '',
    };
  }

  /**
   * Products named exactly `name`. DefectDojo's `name` filter matches
   * substrings (case-insensitively), so the results are narrowed here: an
   * exact match first, else a case-insensitive one.
   */
  async findProductsByName(
    name: string,
    signal?: AbortSignal,
  ): Promise<DefectDojoProduct[]> {
    const url = this.url('api/v2/products/', {
      name,
      limit: this.options.pageSize,
      offset: 0,
    });
    const all = (
      await this.listAll<{ id: number; name?: unknown }>(url, signal)
    ).map(p => ({
      id: p.id,
      name: typeof p.name === 'string' ? p.name : '',
    }));
    const exact = all.filter(p => p.name === name);
    if (exact.length) return exact;
    const lower = name.toLocaleLowerCase('en-US');
    return all.filter(p => p.name.toLocaleLowerCase('en-US') === lower);
  }

  /** Every finding of a product, all pages, with the test type of each. */
  async listFindings(
    productId: string,
    signal?: AbortSignal,
  ): Promise<DefectDojoFinding[]> {
    const url = this.url('api/v2/findings/', {
      test__engagement__product: productId,
      related_fields: 'true',
      o: 'id',
      limit: this.options.pageSize,
      offset: 0,
    });
    return this.listAll<DefectDojoFinding>(url, signal);
  }

  /**
   * Every risk acceptance the token's user may see, all pages. The API has
   * no product filter (acceptances hang off engagements), so they are listed
   * once per pull and matched to entities by their `accepted_findings`. No
   * `o` is sent: DefectDojo already orders the listing by id, and older
   * versions accept `o=name` only; `listAll` rejects a listing that shifted
   * between pages anyway.
   */
  async listRiskAcceptances(
    signal?: AbortSignal,
  ): Promise<DefectDojoRiskAcceptance[]> {
    const url = this.url('api/v2/risk_acceptance/', {
      limit: this.options.pageSize,
      offset: 0,
    });
    return this.listAll<DefectDojoRiskAcceptance>(url, signal);
  }
}
