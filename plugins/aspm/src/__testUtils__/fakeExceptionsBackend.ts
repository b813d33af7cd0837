import {
  AspmException,
  AspmExceptionDetails,
  ExceptionAction,
  ExceptionCategorySummary,
  ExceptionEvent,
  ExceptionPolicy,
  ExceptionStatus,
  Finding,
  exceptionApprovalSchema,
  exceptionNoteSchema,
  exceptionRequestSchema,
} from '@aspm/plugin-aspm-common';
import { AspmApi, ListExceptionsRequest } from '../api';
import { demoExceptions, demoPolicy } from './exceptionFixtures';
import { responseError } from './responseError';

/** Who calls the fake backend. */
export interface FakeExceptionsOptions {
  /** Defaults to carol, an approver. */
  actor?: string;
  canApprove?: boolean;
  exceptions?: AspmExceptionDetails[];
  policy?: ExceptionPolicy;
}

type ExceptionMethods = Pick<
  AspmApi,
  | 'listExceptions'
  | 'getException'
  | 'getExceptionPolicy'
  | 'getExceptionSummary'
  | 'requestException'
  | 'decideException'
>;

const DAY_MS = 86_400_000;

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

/** YYYY-MM-DD is the end of that day, UTC, as the backend reads it. */
function parseDateInput(value: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? Date.parse(`${value}T23:59:59.999Z`)
    : Date.parse(value);
}

function covers(e: AspmException, f: Finding): boolean {
  if (f.entityRef !== e.entityRef) return false;
  switch (e.scope.type) {
    case 'findings':
      return e.scope.findingIds.includes(f.id);
    case 'rule':
      return (
        f.ruleId === e.scope.rule ||
        f.ghsa === e.scope.rule ||
        (f.cves ?? []).includes(e.scope.rule)
      );
    case 'category':
      return f.category === e.scope.category;
    default:
      return true;
  }
}

/**
 * The exception methods of a fake backend that keeps its state in memory and
 * behaves like the real one where the frontend can tell: separation of
 * duties (403), status transitions (409), the tier's longest approval (400),
 * and coverage (approving moves covered open findings of `findings` to
 * `accepted`; revoking moves them back).
 */
export function fakeExceptionsBackend(
  findings: Finding[],
  options: FakeExceptionsOptions = {},
): ExceptionMethods {
  const actor = options.actor ?? 'user:default/carol';
  const canApprove = options.canApprove ?? true;
  const policy = options.policy ?? demoPolicy;
  const store = new Map<number, AspmExceptionDetails>(
    (options.exceptions ?? demoExceptions).map(e => [e.id, clone(e)]),
  );
  let nextId = Math.max(100, ...store.keys()) + 1;

  const allowedActions = (e: AspmException): ExceptionAction[] => {
    const own = e.requestedBy === actor;
    const decide = canApprove && !own;
    const out: ExceptionAction[] = [];
    if (e.status === 'requested') {
      if (decide) out.push('approve', 'reject');
      if (canApprove || own) out.push('revoke');
    } else if (e.status === 'approved') {
      if (canApprove || own) out.push('revoke');
      if (decide) out.push('renew');
    } else if (e.status === 'expired' && decide) {
      out.push('renew');
    }
    return out;
  };

  const details = (e: AspmExceptionDetails): AspmExceptionDetails => ({
    ...clone(e),
    allowedActions: allowedActions(e),
  });

  const get = async (id: number) => {
    const e = store.get(id);
    if (!e) throw await responseError(404, `No exception with id ${id}`);
    return e;
  };

  const recomputeCoverage = (e: AspmExceptionDetails) => {
    for (const f of findings) {
      if (e.status === 'approved' && f.state === 'open' && covers(e, f)) {
        f.state = 'accepted';
        f.exceptionId = e.id;
      } else if (e.status !== 'approved' && f.exceptionId === e.id) {
        f.state = 'open';
        delete f.exceptionId;
      }
    }
    const covered = findings.filter(f => f.exceptionId === e.id);
    if (covered.length > 0 || e.status !== 'approved') {
      e.coveredFindings = covered.length;
      e.findings = covered.map(f => ({
        id: f.id,
        title: f.title,
        severity: f.severity,
        state: f.state,
        ruleId: f.ruleId,
      }));
    }
  };

  const matches = <T>(values: T[] | undefined, value: T) =>
    !values || values.length === 0 || values.includes(value);

  const filter = (request: ListExceptionsRequest, e: AspmException) => {
    const now = Date.now();
    const expires = e.expiresAt ? Date.parse(e.expiresAt) : undefined;
    return (
      matches(request.entityRef, e.entityRef) &&
      (!request.id?.length || request.id.includes(e.id)) &&
      matches(request.team, e.team ?? '') &&
      matches(request.businessUnit, e.businessUnit ?? '') &&
      matches(request.tier, (e.tier ?? 'untiered') as any) &&
      matches(request.status, e.status) &&
      matches(request.category, e.category) &&
      matches(request.source, e.source) &&
      (!request.minAgeDays ||
        Date.parse(e.requestedAt) <= now - request.minAgeDays * DAY_MS) &&
      (!request.noReviewDate || !e.reviewAt) &&
      (!request.noCompensatingControl || !e.compensatingControl) &&
      (request.expiringWithinDays === undefined ||
        (e.status === 'approved' &&
          expires !== undefined &&
          expires > now &&
          expires <= now + request.expiringWithinDays * DAY_MS))
    );
  };

  const transition = (
    e: AspmExceptionDetails,
    event: ExceptionEvent['type'],
    to: ExceptionStatus,
    extra: Partial<ExceptionEvent> & { decided: boolean },
  ) => {
    const at = new Date().toISOString();
    const { decided, ...fields } = extra;
    e.events.push({
      type: event,
      actor,
      at,
      fromStatus: e.status,
      toStatus: to,
      ...fields,
    });
    e.status = to;
    if (decided) {
      e.decidedBy = actor;
      e.decidedAt = at;
      e.decisionNote = fields.note;
    }
    if (fields.expiresAt) e.expiresAt = fields.expiresAt;
    if (fields.reviewAt) e.reviewAt = fields.reviewAt;
    if (event === 'renewed') e.renewals += 1;
    recomputeCoverage(e);
  };

  return {
    async listExceptions(request = {}) {
      const order = request.order ?? 'desc';
      const key = request.orderBy ?? 'requestedAt';
      const items = [...store.values()]
        .filter(e => filter(request, e))
        .sort((a, b) => {
          const x = String(a[key] ?? '');
          const y = String(b[key] ?? '');
          return (order === 'asc' ? 1 : -1) * x.localeCompare(y);
        });
      const limit = request.limit ?? 50;
      const offset = request.offset ?? 0;
      return {
        items: items
          .slice(offset, offset + limit)
          .map(({ events: _e, findings: _f, ...e }) => ({
            ...clone(e),
            allowedActions: allowedActions(e),
          })),
        totalCount: items.length,
        limit,
        offset,
      };
    },

    async getException(id) {
      return details(await get(id));
    },

    async getExceptionPolicy() {
      return clone(policy);
    },

    async getExceptionSummary(request = {}) {
      const statuses = request.status?.length
        ? request.status
        : ['requested', 'approved'];
      const counts = new Map<string, number>();
      for (const e of store.values()) {
        if (!statuses.includes(e.status)) continue;
        const key = JSON.stringify([e.businessUnit ?? '(none)', e.category]);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const summary: ExceptionCategorySummary = {
        items: [...counts].map(([key, count]) => {
          const [businessUnit, category] = JSON.parse(key);
          return { businessUnit, category, count };
        }),
      };
      summary.items.sort((a, b) => b.count - a.count);
      return summary;
    },

    async requestException(body) {
      const parsed = exceptionRequestSchema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw await responseError(
          400,
          `${issue.path.join('.')}: ${issue.message}`,
        );
      }
      const input = parsed.data;
      if (!policy.categories.includes(input.category)) {
        throw await responseError(
          400,
          `category: must be one of ${policy.categories.join(', ')}`,
        );
      }
      if (input.scope.type === 'findings') {
        const mine = findings
          .filter(f => f.entityRef === input.entityRef)
          .map(f => f.id);
        const missing = input.scope.findingIds.filter(id => !mine.includes(id));
        if (missing.length) {
          throw await responseError(
            400,
            `scope.findingIds: ${missing.join(', ')} is not a finding of ${
              input.entityRef
            }`,
          );
        }
      }
      const now = new Date().toISOString();
      const e: AspmExceptionDetails = {
        id: nextId++,
        entityRef: input.entityRef,
        scope: input.scope,
        reason: input.reason,
        category: input.category,
        status: 'requested',
        source: 'manual',
        requestedBy: actor,
        requestedAt: now,
        ...(input.reviewAt
          ? { reviewAt: new Date(parseDateInput(input.reviewAt)).toISOString() }
          : {}),
        ...(input.compensatingControl
          ? { compensatingControl: input.compensatingControl }
          : {}),
        renewals: 0,
        coveredFindings: 0,
        team: 'group:default/team-ledger',
        businessUnit: 'group:default/payments-bu',
        tier: '1',
        events: [
          {
            type: 'requested',
            actor,
            at: now,
            toStatus: 'requested',
            ...(input.expiresAt
              ? {
                  expiresAt: new Date(
                    parseDateInput(input.expiresAt),
                  ).toISOString(),
                }
              : {}),
          },
        ],
        findings: [],
      };
      store.set(e.id, e);
      return details(e);
    },

    async decideException(id, action, body) {
      const e = await get(id);
      const decides = action !== 'revoke';
      if (decides && e.requestedBy === actor) {
        throw await responseError(
          403,
          `You requested this exception (${actor}); someone else must ${
            action === 'reject' ? 'reject' : 'approve'
          } it. To withdraw it, revoke it.`,
        );
      }
      if (!canApprove && (decides || e.requestedBy !== actor)) {
        throw await responseError(
          403,
          'You are not allowed to decide exceptions (permission aspm.exception.approve)',
        );
      }
      const from: Record<ExceptionAction, ExceptionStatus[]> = {
        approve: ['requested'],
        reject: ['requested'],
        revoke: ['requested', 'approved'],
        renew: ['approved', 'expired'],
      };
      if (!from[action].includes(e.status)) {
        throw await responseError(
          409,
          `Exception ${id} is ${e.status}; it cannot be ${action}d now`,
        );
      }
      if (action === 'approve' || action === 'renew') {
        const parsed = exceptionApprovalSchema.safeParse(body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw await responseError(
            400,
            `${issue.path.join('.')}: ${issue.message}`,
          );
        }
        const expiresAt = parseDateInput(parsed.data.expiresAt);
        const maxDays =
          policy.maxDaysByTier[e.tier ?? 'default'] ??
          policy.maxDaysByTier.default;
        if (expiresAt <= Date.now()) {
          throw await responseError(400, 'expiresAt: must be in the future');
        }
        if (expiresAt > Date.now() + maxDays * DAY_MS) {
          throw await responseError(
            400,
            `expiresAt: must be at most ${maxDays} days from now for ${
              e.tier ? `a tier ${e.tier}` : 'an untiered'
            } entity`,
          );
        }
        transition(
          e,
          action === 'approve' ? 'approved' : 'renewed',
          'approved',
          {
            decided: true,
            expiresAt: new Date(expiresAt).toISOString(),
            ...(parsed.data.reviewAt
              ? {
                  reviewAt: new Date(
                    parseDateInput(parsed.data.reviewAt),
                  ).toISOString(),
                }
              : {}),
            ...(parsed.data.note ? { note: parsed.data.note } : {}),
          },
        );
      } else {
        const parsed = exceptionNoteSchema.safeParse(body);
        if (!parsed.success) {
          throw await responseError(
            400,
            `note: ${parsed.error.issues[0].message}`,
          );
        }
        transition(
          e,
          action === 'reject' ? 'rejected' : 'revoked',
          action === 'reject' ? 'rejected' : 'revoked',
          { decided: action === 'reject', note: parsed.data.note },
        );
      }
      return details(e);
    },
  };
}
