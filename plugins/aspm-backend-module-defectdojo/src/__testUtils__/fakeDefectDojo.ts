import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeProduct {
  id: number;
  name: string;
  findings: unknown[];
  /** Answer every findings request for this product with this status. */
  findingsStatus?: number;
  /** Answer the first findings request with 429 and this `Retry-After` (true: "0"). */
  rateLimitOnce?: boolean | string;
  /** Added to the `count` the findings pages report (a listing that lies). */
  countOffset?: number;
}

export interface FakeRequest {
  path: string;
  query: Record<string, string>;
  status: number;
}

/**
 * A tiny DefectDojo API v2 on 127.0.0.1: products, findings and risk
 * acceptances, offset pagination with `next` links (at most `maxPageSize`
 * per page, so real payloads span several pages), token auth, a 429 once,
 * 5xx products.
 */
export class FakeDefectDojo {
  readonly requests: FakeRequest[] = [];
  private server?: http.Server;
  private readonly rateLimited = new Set<number>();
  /** Overrides the origin written into `next` links. */
  nextOrigin?: string;
  /**
   * What `GET /api/v2/risk_acceptance/` lists (API shape: flat, `id`); it
   * has no product filter, like DefectDojo's. Default none.
   */
  riskAcceptances: unknown[];
  /** Answer every risk acceptance request with this status (e.g. 500). */
  riskAcceptanceStatus?: number;

  constructor(
    readonly options: {
      token: string;
      products: FakeProduct[];
      maxPageSize?: number;
      riskAcceptances?: unknown[];
    },
  ) {
    this.riskAcceptances = options.riskAcceptances ?? [];
  }

  get baseUrl(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', () => resolve()),
    );
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>(resolve => server.close(() => resolve()));
  }

  findingRequests(productId: number): FakeRequest[] {
    return this.requests.filter(
      r =>
        r.path === '/api/v2/findings/' &&
        r.query.test__engagement__product === String(productId),
    );
  }

  riskAcceptanceRequests(): FakeRequest[] {
    return this.requests.filter(r => r.path === '/api/v2/risk_acceptance/');
  }

  private send(
    res: http.ServerResponse,
    record: FakeRequest,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    record.status = status;
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private page<T>(
    items: T[],
    url: URL,
    record: FakeRequest,
    res: http.ServerResponse,
    countOffset = 0,
  ) {
    const limit = Math.min(
      Number(url.searchParams.get('limit') ?? 100),
      this.options.maxPageSize ?? Infinity,
    );
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const origin = this.nextOrigin ?? this.baseUrl;
    const link = (o: number) => {
      const u = new URL(url.pathname + url.search, origin);
      u.searchParams.set('limit', String(limit));
      u.searchParams.set('offset', String(o));
      return u.href;
    };
    this.send(res, record, 200, {
      count: items.length + countOffset,
      next: offset + limit < items.length ? link(offset + limit) : null,
      previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
      results: items.slice(offset, offset + limit),
      prefetch: {},
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record: FakeRequest = {
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
    };
    this.requests.push(record);
    if (req.headers.authorization !== `Token ${this.options.token}`) {
      this.send(res, record, 401, { detail: 'Invalid token.' });
      return;
    }
    const productMatch = /^\/api\/v2\/products\/(\d+)\/$/.exec(url.pathname);
    if (productMatch) {
      const product = this.options.products.find(
        p => p.id === Number(productMatch[1]),
      );
      if (!product) {
        this.send(res, record, 404, { detail: 'Not found.' });
        return;
      }
      this.send(res, record, 200, { id: product.id, name: product.name });
      return;
    }
    if (url.pathname === '/api/v2/products/') {
      const name = (url.searchParams.get('name') ?? '').toLowerCase();
      const matches = this.options.products
        .filter(p => p.name.toLowerCase().includes(name))
        .map(p => ({ id: p.id, name: p.name }));
      this.page(matches, url, record, res);
      return;
    }
    if (url.pathname === '/api/v2/findings/') {
      const id = Number(url.searchParams.get('test__engagement__product'));
      const product = this.options.products.find(p => p.id === id);
      if (product?.rateLimitOnce && !this.rateLimited.has(id)) {
        this.rateLimited.add(id);
        this.send(
          res,
          record,
          429,
          { detail: 'Request was throttled.' },
          {
            'Retry-After':
              typeof product.rateLimitOnce === 'string'
                ? product.rateLimitOnce
                : '0',
          },
        );
        return;
      }
      if (product?.findingsStatus) {
        this.send(res, record, product.findingsStatus, {
          detail: 'Server Error',
        });
        return;
      }
      this.page(
        product?.findings ?? [],
        url,
        record,
        res,
        product?.countOffset,
      );
      return;
    }
    if (url.pathname === '/api/v2/risk_acceptance/') {
      if (this.riskAcceptanceStatus) {
        this.send(res, record, this.riskAcceptanceStatus, {
          detail: 'Server Error',
        });
        return;
      }
      this.page(this.riskAcceptances, url, record, res);
      return;
    }
    this.send(res, record, 404, { detail: 'Not found.' });
  }
}
