import {
  AspmRelease,
  GateTrend,
  Page,
  SecretExposure,
  SecretRotationStatus,
} from '@aspm/plugin-aspm-common';
import { AspmApi } from '../api';
import { demoGateTrend, demoReleases, demoSecrets } from './releaseFixtures';
import { responseError } from './responseError';

/** What the fake release and secret endpoints answer. */
export interface FakeDeliveryOptions {
  releases?: AspmRelease[];
  secrets?: SecretExposure[];
  gateTrend?: GateTrend;
}

type DeliveryMethods = Pick<
  AspmApi,
  | 'listReleases'
  | 'getRelease'
  | 'getGateTrend'
  | 'listSecrets'
  | 'recordSecretRotation'
>;

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

function page<T>(items: T[], limit = 50, offset = 0): Page<T> {
  return {
    items: items.slice(offset, offset + limit),
    totalCount: items.length,
    limit,
    offset,
  };
}

const matches = (values: string[] | undefined, value: string) =>
  !values || values.length === 0 || values.includes(value);

/** Most urgent first: overdue, pending, then the rest; earliest deadline first. */
const URGENCY: SecretRotationStatus[] = [
  'overdue',
  'pending',
  'rotated-late',
  'rotated-on-time',
  'closed',
];

/**
 * The release and secret endpoints over canned data, answered as the
 * backend would (filters, order, paging); a recorded rotation stays.
 */
export function fakeDeliveryBackend(
  options: FakeDeliveryOptions = {},
): DeliveryMethods {
  const releases = clone(options.releases ?? demoReleases);
  const secrets = clone(options.secrets ?? demoSecrets);
  const trend = clone(options.gateTrend ?? demoGateTrend);

  return {
    async listReleases(request = {}) {
      const direction = request.order === 'asc' ? 1 : -1;
      const key = request.orderBy ?? 'releasedAt';
      const items = releases
        .filter(
          r =>
            matches(request.entityRef, r.entityRef) &&
            matches(request.environment, r.environment) &&
            matches(request.outcome, r.outcome),
        )
        .sort((a, b) => direction * a[key].localeCompare(b[key]));
      return clone(page(items, request.limit, request.offset));
    },
    async getRelease(id) {
      const release = releases.find(r => r.id === id);
      if (!release) {
        throw await responseError(
          404,
          `No release with id ${id}`,
          `http://backstage.test/api/aspm/releases/${id}`,
        );
      }
      return clone(release);
    },
    async getGateTrend() {
      return clone(trend);
    },
    async listSecrets(request = {}) {
      const items = secrets
        .filter(
          s =>
            matches(request.entityRef, s.entityRef) &&
            matches(request.status, s.status),
        )
        .sort(
          (a, b) =>
            URGENCY.indexOf(a.status) - URGENCY.indexOf(b.status) ||
            a.deadline.localeCompare(b.deadline),
        );
      return clone(page(items, request.limit, request.offset));
    },
    async recordSecretRotation(findingId, body = {}) {
      const secret = secrets.find(s => s.findingId === findingId);
      if (!secret) {
        throw await responseError(
          404,
          `No finding with id ${findingId}`,
          `http://backstage.test/api/aspm/findings/${findingId}/rotation`,
        );
      }
      const rotatedAt = body.rotatedAt ?? new Date().toISOString();
      secret.rotatedAt = new Date(rotatedAt).toISOString();
      secret.rotatedBy = 'user:default/carol';
      secret.status =
        Date.parse(rotatedAt) <= Date.parse(secret.deadline)
          ? 'rotated-on-time'
          : 'rotated-late';
      return clone(secret);
    },
  };
}
