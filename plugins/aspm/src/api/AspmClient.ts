import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AspmEntity,
  AspmRelease,
  GateTrend,
  SecretExposure,
  AspmException,
  AspmExceptionDetails,
  CatalogSyncRun,
  ExceptionAction,
  ExceptionCategorySummary,
  ExceptionPolicy,
  ExceptionRequest,
  Finding,
  Ingestion,
  OwnershipReport,
  Page,
  MetricDetail,
  MetricsReport,
  MetricTrend,
  OperatingMetricsReport,
  SecurityActionsResponse,
  EntityScorecard,
  TeamScorecard,
  DirectorPack,
  PackAudience,
  PackNarrativeRequest,
  PackNarrativeRevision,
  StrategicAsk,
  StrategicAskRequest,
  StrategicAskUpdate,
} from '@aspm/plugin-aspm-common';
import {
  AspmApi,
  CatalogSyncStatus,
  ExceptionDecisionBody,
  FindingWithEvents,
  GetExceptionSummaryRequest,
  GetOwnershipRequest,
  ListAspmEntitiesRequest,
  ListExceptionsRequest,
  ListFindingsRequest,
  ListIngestionsRequest,
  GetGateTrendRequest,
  ListReleasesRequest,
  ListSecretsRequest,
  GetActionsRequest,
  GetMetricDetailRequest,
  GetMetricsRequest,
  GetMetricTrendRequest,
  GetOperatingMetricsRequest,
  GetScorecardRequest,
  ExportPackRequest,
  GetPackRequest,
  ListStrategicAsksRequest,
  PackExport,
} from './AspmApi';

type QueryValue = string | number | boolean | string[] | number[] | undefined;

/** Turns a request object into a query string; lists become "a,b". */
export function toQueryString(request: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Talks to the ASPM backend over HTTP. @public */
export class AspmClient implements AspmApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listEntities(
    request: ListAspmEntitiesRequest = {},
  ): Promise<Page<AspmEntity>> {
    return this.request(`/entities${toQueryString({ ...request })}`);
  }

  async getEntity(entityRef: string): Promise<AspmEntity> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const path = [kind, namespace, name]
      .map(s => encodeURIComponent(s.toLocaleLowerCase('en-US')))
      .join('/');
    return this.request(`/entities/${path}`);
  }

  async getOwnership(
    request: GetOwnershipRequest = {},
  ): Promise<OwnershipReport> {
    return this.request(`/ownership${toQueryString({ ...request })}`);
  }

  async getCatalogSync(): Promise<CatalogSyncStatus> {
    return this.request('/catalog-sync');
  }

  async runCatalogSync(): Promise<CatalogSyncRun> {
    return this.request('/catalog-sync', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
  }

  async listFindings(
    request: ListFindingsRequest = {},
  ): Promise<Page<Finding>> {
    return this.request(`/findings${toQueryString({ ...request })}`);
  }

  async getFinding(id: number): Promise<FindingWithEvents> {
    return this.request(`/findings/${encodeURIComponent(String(id))}`);
  }

  async listIngestions(
    request: ListIngestionsRequest = {},
  ): Promise<Page<Ingestion>> {
    return this.request(`/ingestions${toQueryString({ ...request })}`);
  }

  async listExceptions(
    request: ListExceptionsRequest = {},
  ): Promise<Page<AspmException>> {
    const { noReviewDate, noCompensatingControl, ...rest } = request;
    return this.request(
      `/exceptions${toQueryString({
        ...rest,
        // Only `true` filters; leave the parameter out otherwise.
        noReviewDate: noReviewDate || undefined,
        noCompensatingControl: noCompensatingControl || undefined,
      })}`,
    );
  }

  async getException(id: number): Promise<AspmExceptionDetails> {
    return this.request(`/exceptions/${encodeURIComponent(String(id))}`);
  }

  async getExceptionPolicy(): Promise<ExceptionPolicy> {
    return this.request('/exceptions/policy');
  }

  async getExceptionSummary(
    request: GetExceptionSummaryRequest = {},
  ): Promise<ExceptionCategorySummary> {
    return this.request(`/exceptions/summary${toQueryString({ ...request })}`);
  }

  async requestException(
    body: ExceptionRequest,
  ): Promise<AspmExceptionDetails> {
    return this.post('/exceptions', body);
  }

  async listReleases(
    request: ListReleasesRequest = {},
  ): Promise<Page<AspmRelease>> {
    return this.request(`/releases${toQueryString({ ...request })}`);
  }

  async getRelease(id: number): Promise<AspmRelease> {
    return this.request(`/releases/${encodeURIComponent(String(id))}`);
  }

  async getGateTrend(request: GetGateTrendRequest = {}): Promise<GateTrend> {
    return this.request(`/releases/gate-trend${toQueryString({ ...request })}`);
  }

  async listSecrets(
    request: ListSecretsRequest = {},
  ): Promise<Page<SecretExposure>> {
    return this.request(`/secrets${toQueryString({ ...request })}`);
  }

  async recordSecretRotation(
    findingId: number,
    body: { rotatedAt?: string; note?: string } = {},
  ): Promise<SecretExposure> {
    return this.post(
      `/findings/${encodeURIComponent(String(findingId))}/rotation`,
      body,
    );
  }

  async decideException(
    id: number,
    action: ExceptionAction,
    body: ExceptionDecisionBody,
  ): Promise<AspmExceptionDetails> {
    return this.post(
      `/exceptions/${encodeURIComponent(String(id))}/${encodeURIComponent(
        action,
      )}`,
      body,
    );
  }

  async getMetrics(request: GetMetricsRequest = {}): Promise<MetricsReport> {
    return this.request(`/metrics${toQueryString({ ...request })}`);
  }

  async getMetricDetail(
    id: string,
    request: GetMetricDetailRequest = {},
  ): Promise<MetricDetail> {
    return this.request(
      `/metrics/${encodeURIComponent(id)}${toQueryString({ ...request })}`,
    );
  }

  async getMetricTrend(
    id: string,
    request: GetMetricTrendRequest,
  ): Promise<MetricTrend> {
    return this.request(
      `/metrics/${encodeURIComponent(id)}/trend${toQueryString({
        ...request,
      })}`,
    );
  }

  async getActions(
    request: GetActionsRequest = {},
  ): Promise<SecurityActionsResponse> {
    return this.request(`/actions${toQueryString({ ...request })}`);
  }

  async getEntityScorecard(
    entityRef: string,
    request: GetScorecardRequest = {},
  ): Promise<EntityScorecard> {
    return this.request(
      `/scorecard/entity${toQueryString({ entityRef, ...request })}`,
    );
  }

  async getTeamScorecard(
    groupRef: string,
    request: GetScorecardRequest = {},
  ): Promise<TeamScorecard> {
    return this.request(
      `/scorecard/team${toQueryString({ group: groupRef, ...request })}`,
    );
  }

  async getOperatingMetrics(
    request: GetOperatingMetricsRequest = {},
  ): Promise<OperatingMetricsReport> {
    return this.request(`/metrics-operating${toQueryString({ ...request })}`);
  }

  async getPack(
    audience: PackAudience,
    request: GetPackRequest = {},
  ): Promise<DirectorPack> {
    return this.request(
      `/packs/${encodeURIComponent(audience)}${toQueryString({ ...request })}`,
    );
  }

  async exportPack(
    audience: PackAudience,
    request: ExportPackRequest,
  ): Promise<PackExport> {
    const baseUrl = await this.discoveryApi.getBaseUrl('aspm');
    const response = await this.fetchApi.fetch(
      `${baseUrl}/packs/${encodeURIComponent(audience)}${toQueryString({
        ...request,
      })}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const disposition = response.headers.get('content-disposition') ?? '';
    const named = /filename="?([^";]+)"?/.exec(disposition)?.[1];
    return {
      fileName:
        named ??
        `aspm-pack-${audience}-${(request.scope ?? 'org').replace(
          /^.*\//,
          '',
        )}-${request.period ?? 'latest'}.${request.format}`,
      contentType: response.headers.get('content-type') ?? 'text/plain',
      text: await response.text(),
    };
  }

  async listPackNarratives(
    audience: PackAudience,
    request: GetPackRequest & { period: string },
  ): Promise<PackNarrativeRevision[]> {
    const page = await this.request<{ items: PackNarrativeRevision[] }>(
      `/packs/${encodeURIComponent(audience)}/narrative${toQueryString({
        ...request,
      })}`,
    );
    return page.items;
  }

  async savePackNarrative(
    audience: PackAudience,
    request: GetPackRequest & { period: string },
    body: PackNarrativeRequest,
  ): Promise<PackNarrativeRevision> {
    return this.send(
      'PUT',
      `/packs/${encodeURIComponent(audience)}/narrative${toQueryString({
        ...request,
      })}`,
      body,
    );
  }

  async listStrategicAsks(
    request: ListStrategicAsksRequest = {},
  ): Promise<StrategicAsk[]> {
    const page = await this.request<{ items: StrategicAsk[] }>(
      `/packs/asks${toQueryString({ ...request })}`,
    );
    return page.items;
  }

  async createStrategicAsk(body: StrategicAskRequest): Promise<StrategicAsk> {
    return this.post('/packs/asks', body);
  }

  async updateStrategicAsk(
    id: number,
    body: StrategicAskUpdate,
  ): Promise<StrategicAsk> {
    return this.send(
      'PATCH',
      `/packs/asks/${encodeURIComponent(String(id))}`,
      body,
    );
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    return this.send('POST', path, body);
  }

  private async send<T>(
    method: 'POST' | 'PUT' | 'PATCH',
    path: string,
    body: unknown,
  ): Promise<T> {
    return this.request(path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('aspm');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
