import http from 'node:http';
import { AddressInfo } from 'node:net';

/** One canned answer. */
export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What the fake answers on one list endpoint. */
export interface FakeEndpoint {
  /** Answered once each, in order, before anything else. */
  before?: FakeResponse[];
  /** Answered every time (after `before`), instead of pages. */
  always?: FakeResponse;
  /** Pages of items, chained with `Link: <...>; rel="next"`. */
  pages?: unknown[][];
  /** Dependabot-style cursor links (`after=`) instead of `page=`. */
  cursor?: boolean;
  /** Overrides the next link of every page (e.g. a foreign origin). */
  nextLink?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization?: string;
  accept?: string;
  apiVersion?: string;
}

const cursorOf = (page: number) =>
  Buffer.from(`cursor:v2:${page}`).toString('base64url');

/**
 * A local stand-in for api.github.com: list endpoints answer canned pages
 * with the headers GitHub sends (Link, x-ratelimit-*, JSON content type),
 * or canned errors. Paths are matched case-insensitively, like GitHub.
 */
export class FakeGithub {
  readonly requests: RecordedRequest[] = [];
  private endpoints = new Map<string, FakeEndpoint>();
  private server?: http.Server;
  baseUrl = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server!.close(() => resolve()));
  }

  /** Sets what `path` (e.g. /repos/acme/x/dependabot/alerts) answers. */
  set(path: string, endpoint: FakeEndpoint): this {
    this.endpoints.set(path.toLowerCase(), {
      ...endpoint,
      before: [...(endpoint.before ?? [])],
    });
    return this;
  }

  reset(): void {
    this.endpoints.clear();
    this.requests.length = 0;
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter(
      r => r.path.toLowerCase() === path.toLowerCase(),
    );
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', this.baseUrl);
    this.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
      accept: req.headers.accept,
      apiVersion: req.headers['x-github-api-version'] as string | undefined,
    });
    const common = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4990',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      'x-github-request-id': `FAKE:${this.requests.length}`,
    };
    const send = (r: FakeResponse) => {
      res.writeHead(r.status, { ...common, ...r.headers });
      res.end(r.body === undefined ? '' : JSON.stringify(r.body));
    };
    const endpoint = this.endpoints.get(url.pathname.toLowerCase());
    if (!endpoint) {
      send({
        status: 404,
        body: {
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest',
          status: '404',
        },
      });
      return;
    }
    const before = endpoint.before?.shift();
    if (before) {
      send(before);
      return;
    }
    if (endpoint.always) {
      send(endpoint.always);
      return;
    }
    const pages = endpoint.pages ?? [[]];
    let index = 0;
    if (endpoint.cursor) {
      const after = url.searchParams.get('after');
      if (after) index = pages.findIndex((_, i) => cursorOf(i) === after);
    } else {
      index = Number(url.searchParams.get('page') ?? '1') - 1;
    }
    if (index < 0 || index >= pages.length) {
      send({ status: 200, body: [] });
      return;
    }
    const headers: Record<string, string> = {};
    if (index + 1 < pages.length) {
      const next = new URL(url.toString());
      if (endpoint.cursor) {
        next.searchParams.delete('page');
        next.searchParams.set('after', cursorOf(index + 1));
        headers.link = `<${endpoint.nextLink ?? next}>; rel="next"`;
      } else {
        next.searchParams.set('page', String(index + 2));
        const last = new URL(url.toString());
        last.searchParams.set('page', String(pages.length));
        headers.link = `<${
          endpoint.nextLink ?? next
        }>; rel="next", <${last}>; rel="last"`;
      }
    }
    send({ status: 200, body: pages[index], headers });
  }
}

/** Splits items into two pages (for pagination over real payloads). */
export function twoPages<T>(items: T[]): T[][] {
  const half = Math.ceil(items.length / 2);
  return [items.slice(0, half), items.slice(half)];
}

/** GitHub's answers when an alert type is not enabled for a repository. */
export const NOT_ENABLED = {
  codeScanning: {
    status: 404,
    body: {
      message: 'no analysis found',
      documentation_url:
        'https://docs.github.com/rest/code-scanning/code-scanning#list-code-scanning-alerts-for-a-repository',
      status: '404',
    },
  },
  advancedSecurity: {
    status: 403,
    body: {
      message:
        'Advanced Security must be enabled for this repository to use code scanning.',
      documentation_url:
        'https://docs.github.com/rest/code-scanning/code-scanning#list-code-scanning-alerts-for-a-repository',
      status: '403',
    },
  },
  dependabot: {
    status: 403,
    body: {
      message: 'Dependabot alerts are disabled for this repository.',
      documentation_url:
        'https://docs.github.com/rest/dependabot/alerts#list-dependabot-alerts-for-a-repository',
      status: '403',
    },
  },
  secretScanning: {
    status: 404,
    body: {
      message: 'Secret scanning is disabled on this repository.',
      documentation_url:
        'https://docs.github.com/rest/secret-scanning/secret-scanning#list-secret-scanning-alerts-for-a-repository',
      status: '404',
    },
  },
} satisfies Record<string, FakeResponse>;

export const SERVER_ERROR: FakeResponse = {
  status: 500,
  body: { message: 'Server Error' },
};

export const RATE_LIMITED_ONCE: FakeResponse = {
  status: 429,
  headers: { 'retry-after': '0', 'x-ratelimit-remaining': '0' },
  body: {
    message:
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    documentation_url:
      'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
    status: '429',
  },
};
