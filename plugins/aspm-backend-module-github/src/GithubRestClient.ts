import { LoggerService } from '@backstage/backend-plugin-api';

/** What listing one alert endpoint of one repository gave. */
export type AlertListing =
  /** Every page was read. */
  | { kind: 'complete'; items: unknown[] }
  /** The feature is not enabled for the repository: nothing is known. */
  | { kind: 'disabled'; message: string };

/** A listing that could not be read completely. */
export class GithubListingError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'GithubListingError';
  }
}

/**
 * Messages of the 403 / 404 answers that mean "this alert type is not
 * enabled for the repository" rather than "you may not" or "no such repo".
 * For example: code scanning `no analysis found`, `Advanced Security must be
 * enabled for this repository to use code scanning`, `Code scanning is not
 * enabled for this repository`; `Dependabot alerts are disabled for this
 * repository`; `Secret scanning is disabled on this repository`.
 */
const NOT_ENABLED =
  /no analysis found|advanced security must be enabled|(is|are) not enabled|(is|are) disabled|not available for this repository/i;

export interface GithubRestClientOptions {
  logger: LoggerService;
  /** Headers carrying the credentials for the repository. */
  headers: Record<string, string>;
  /** Longest wait before a retry, in ms (retry-after, rate limit reset, backoff). */
  maxRetryWaitMs: number;
  /** Retries of one request after a rate limit or 5xx answer. Default 3. */
  maxRetries?: number;
  /** First backoff after a 5xx or network error, doubled each retry; capped by maxRetryWaitMs. Default 1000. */
  backoffMs?: number;
  /** Most pages followed for one listing. Default 1000. */
  maxPages?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/** The `rel="next"` URL of a `Link` header, if any. */
export function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;(.*)$/.exec(part.trim());
    if (m && /\brel="?([^"]*\s)?next(\s[^"]*)?"?/.test(m[2])) return m[1];
  }
  return undefined;
}

function abortError(signal: AbortSignal): Error {
  const reason = signal.reason;
  return reason instanceof Error ? reason : new Error('The pull was aborted');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

async function messageOf(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text);
    if (body && typeof body.message === 'string') return body.message;
  } catch {
    // not JSON
  }
  return text.slice(0, 300);
}

/**
 * Reads GitHub REST list endpoints completely: follows `Link: rel="next"`
 * (page or cursor links), waits and retries on rate limits (429, or 403 with
 * `retry-after` / `x-ratelimit-remaining: 0`) and 5xx answers, and tells a
 * feature that is not enabled apart from a failure.
 */
export class GithubRestClient {
  private readonly fetch: typeof fetch;
  private readonly maxRetries: number;
  private readonly backoffMs: number;
  private readonly maxPages: number;

  constructor(private readonly options: GithubRestClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.maxRetries = options.maxRetries ?? 3;
    this.backoffMs = options.backoffMs ?? 1000;
    this.maxPages = options.maxPages ?? 1000;
  }

  async listAll(firstUrl: string): Promise<AlertListing> {
    const origin = new URL(firstUrl).origin;
    const items: unknown[] = [];
    let url: string | undefined = firstUrl;
    for (let page = 1; url; page++) {
      if (page > this.maxPages) {
        throw new GithubListingError(
          `more than ${this.maxPages} pages at ${firstUrl}; listing not read completely`,
        );
      }
      const res = await this.request(url);
      if (res.status === 404 || res.status === 403) {
        const message = await messageOf(res);
        if (page === 1 && NOT_ENABLED.test(message)) {
          return { kind: 'disabled', message };
        }
        throw new GithubListingError(
          `HTTP ${res.status} from ${url}: ${message || res.statusText}`,
          res.status,
        );
      }
      if (!res.ok) {
        const message = await messageOf(res);
        throw new GithubListingError(
          `HTTP ${res.status} from ${url}: ${message || res.statusText}`,
          res.status,
        );
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch (e) {
        throw new GithubListingError(`invalid JSON from ${url}: ${String(e)}`);
      }
      if (!Array.isArray(body)) {
        throw new GithubListingError(`expected a JSON array from ${url}`);
      }
      items.push(...body);
      const next = nextLink(res.headers.get('link'));
      if (next && new URL(next, url).origin !== origin) {
        // Never send the credentials elsewhere.
        throw new GithubListingError(`next page link ${next} leaves ${origin}`);
      }
      url = next && new URL(next, url).toString();
    }
    return { kind: 'complete', items };
  }

  /** One GET, retried on rate limits, 5xx and network errors. */
  private async request(url: string): Promise<Response> {
    const { signal, logger } = this.options;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw abortError(signal);
      let res: Response | undefined;
      let failure = '';
      try {
        res = await this.fetch(url, {
          headers: {
            Accept: 'application/vnd.github+json',
            'X-GitHub-Api-Version': '2022-11-28',
            'User-Agent': 'backstage-aspm-github-source',
            ...this.options.headers,
          },
          signal,
        });
      } catch (error) {
        if (signal?.aborted) throw abortError(signal);
        res = undefined;
        failure = `request to ${url} failed: ${String(error)}`;
      }
      let waitMs: number | undefined;
      if (res) {
        const limited = this.rateLimit(res);
        if (limited) {
          waitMs = limited.waitMs;
          failure = `rate limited (HTTP ${res.status}) at ${url}`;
        } else if (res.status >= 500) {
          failure = `HTTP ${res.status} from ${url}: ${await messageOf(res)}`;
        } else {
          return res;
        }
      }
      if (attempt >= this.maxRetries) {
        throw new GithubListingError(
          `${failure}; gave up after ${this.maxRetries} retries`,
          res?.status,
        );
      }
      const wait = Math.min(
        waitMs ?? this.backoffMs * 2 ** attempt,
        this.options.maxRetryWaitMs,
      );
      logger.debug(`${failure}; retrying in ${wait} ms`);
      if (res && !res.bodyUsed) await res.body?.cancel().catch(() => {});
      await sleep(wait, signal);
    }
  }

  /**
   * Whether an answer is a rate limit, and how long it asks to wait (ms;
   * undefined = back off exponentially). 429 always is; 403 only with
   * `retry-after` or `x-ratelimit-remaining: 0` (secondary and primary
   * rate limits).
   */
  private rateLimit(res: Response): { waitMs?: number } | undefined {
    if (res.status !== 429 && res.status !== 403) return undefined;
    const retryAfter = res.headers.get('retry-after');
    if (retryAfter !== null && retryAfter.trim() !== '') {
      const seconds = Number(retryAfter);
      if (Number.isFinite(seconds))
        return { waitMs: Math.max(0, seconds * 1000) };
      const date = Date.parse(retryAfter);
      if (!Number.isNaN(date))
        return { waitMs: Math.max(0, date - Date.now()) };
    }
    if (res.headers.get('x-ratelimit-remaining') === '0') {
      const reset = Number(res.headers.get('x-ratelimit-reset'));
      if (Number.isFinite(reset) && reset > 0) {
        return { waitMs: Math.max(0, reset * 1000 - Date.now()) };
      }
      return {};
    }
    return res.status === 429 ? {} : undefined;
  }
}
