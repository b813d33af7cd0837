import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AspmException,
  AspmExceptionDetails,
  ExceptionAction,
  ExceptionApproval,
  ExceptionPolicy,
  ExceptionRequest,
  ExceptionStatus,
} from '@aspm/plugin-aspm-common';
import { AspmStore } from '../database/AspmStore';
import { ExceptionsStore } from '../database/ExceptionsStore';
import { AspmConfig } from '../config/readAspmConfig';
import { validateApproval } from './validateApproval';
import { endOfDayUtc } from '../util/time';

/** Which statuses each decision applies to, for the 409 message. */
const APPLIES_TO = {
  approved: 'requested',
  rejected: 'requested',
  revoked: 'requested or approved',
  renewed: 'approved or expired',
} as const;

/** Who is acting, and whether the policy lets them decide exceptions. */
export interface ExceptionCaller {
  actor: string;
  canApprove: boolean;
}

/**
 * The exception workflow: request, approve, reject, revoke, renew, with
 * separation of duties (a requester never decides their own request) and the
 * tier's longest approval. Permissions are checked by the router; this class
 * enforces what no permission can override.
 */
export class ExceptionService {
  private readonly now: () => Date;

  constructor(
    private readonly deps: {
      exceptions: ExceptionsStore;
      store: AspmStore;
      config: AspmConfig['exceptions'];
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  policy(): ExceptionPolicy {
    return {
      categories: this.deps.config.categories,
      maxDaysByTier: this.deps.config.maxDaysByTier,
      expiringSoonDays: this.deps.config.expiringSoonDays,
    };
  }

  /** What the caller may do with the exception now. */
  allowedActions(e: AspmException, caller: ExceptionCaller): ExceptionAction[] {
    const own = e.requestedBy === caller.actor;
    const decide = caller.canApprove && !own;
    const out: ExceptionAction[] = [];
    if (e.status === 'requested') {
      if (decide) out.push('approve', 'reject');
      if (caller.canApprove || own) out.push('revoke');
    } else if (e.status === 'approved') {
      if (caller.canApprove || own) out.push('revoke');
      if (decide) out.push('renew');
    } else if (e.status === 'expired') {
      if (decide) out.push('renew');
    }
    return out;
  }

  async details(
    id: number,
    caller?: ExceptionCaller,
  ): Promise<AspmExceptionDetails> {
    const e = await this.deps.exceptions.get(id);
    if (!e) throw new NotFoundError(`No exception with id ${id}`);
    const [events, findings] = await Promise.all([
      this.deps.exceptions.events(id),
      this.deps.exceptions.coveredFindings(id),
    ]);
    return {
      ...e,
      ...(caller ? { allowedActions: this.allowedActions(e, caller) } : {}),
      events,
      findings,
    };
  }

  async request(
    body: ExceptionRequest,
    caller: ExceptionCaller,
  ): Promise<AspmExceptionDetails> {
    const now = this.now();
    const entityRef = body.entityRef.toLocaleLowerCase('en-US');
    const entity = await this.deps.store.getEntity(entityRef);
    if (!entity) {
      throw new InputError(
        `entityRef: no entity ${entityRef} in the catalog (as last synced)`,
      );
    }
    const categories = this.deps.config.categories;
    if (!categories.includes(body.category)) {
      throw new InputError(
        `category: must be one of ${categories.join(', ')} (got '${
          body.category
        }')`,
      );
    }
    if (body.scope.type === 'findings') {
      const wanted = [...new Set(body.scope.findingIds)];
      const found = await this.deps.exceptions.findingIdsOfEntity(
        entityRef,
        wanted,
      );
      const missing = wanted.filter(id => !found.includes(id));
      if (missing.length) {
        throw new InputError(
          `scope.findingIds: ${missing.join(', ')} ${
            missing.length === 1 ? 'is not a finding' : 'are not findings'
          } of ${entityRef}`,
        );
      }
    }
    const expiresAt = body.expiresAt ? endOfDayUtc(body.expiresAt) : undefined;
    const reviewAt = body.reviewAt ? endOfDayUtc(body.reviewAt) : undefined;
    if (expiresAt && expiresAt <= now) {
      throw new InputError('expiresAt: must be in the future');
    }
    if (reviewAt && reviewAt <= now) {
      throw new InputError('reviewAt: must be in the future');
    }
    const id = await this.deps.exceptions.create({
      entityRef,
      scope: body.scope,
      reason: body.reason,
      category: body.category,
      source: 'manual',
      status: 'requested',
      requestedBy: caller.actor,
      requestedAt: now,
      requestedExpiresAt: expiresAt,
      reviewAt,
      compensatingControl: body.compensatingControl,
    });
    return this.details(id, caller);
  }

  async approve(
    id: number,
    body: ExceptionApproval,
    caller: ExceptionCaller,
  ): Promise<AspmExceptionDetails> {
    return this.decide(id, caller, ['requested'], 'approved', 'approved', body);
  }

  async renew(
    id: number,
    body: ExceptionApproval,
    caller: ExceptionCaller,
  ): Promise<AspmExceptionDetails> {
    return this.decide(
      id,
      caller,
      ['approved', 'expired'],
      'approved',
      'renewed',
      body,
    );
  }

  async reject(
    id: number,
    note: string,
    caller: ExceptionCaller,
  ): Promise<AspmExceptionDetails> {
    return this.decide(id, caller, ['requested'], 'rejected', 'rejected', {
      note,
    });
  }

  async revoke(
    id: number,
    note: string,
    caller: ExceptionCaller,
  ): Promise<AspmExceptionDetails> {
    const e = await this.get(id);
    if (!caller.canApprove && e.requestedBy !== caller.actor) {
      throw new NotAllowedError(
        'Only an approver, or whoever requested it, can revoke this exception',
      );
    }
    return this.move(
      e,
      caller,
      ['requested', 'approved'],
      'revoked',
      'revoked',
      {
        note,
        decided: false,
      },
    );
  }

  private async get(id: number): Promise<AspmException> {
    const e = await this.deps.exceptions.get(id);
    if (!e) throw new NotFoundError(`No exception with id ${id}`);
    return e;
  }

  private async decide(
    id: number,
    caller: ExceptionCaller,
    from: ExceptionStatus[],
    to: ExceptionStatus,
    event: 'approved' | 'renewed' | 'rejected',
    body: { expiresAt?: string; reviewAt?: string; note?: string },
  ): Promise<AspmExceptionDetails> {
    const e = await this.get(id);
    if (e.requestedBy === caller.actor) {
      throw new NotAllowedError(
        `You requested this exception (${caller.actor}); someone else must ${
          event === 'rejected' ? 'reject' : 'approve'
        } it. To withdraw it, revoke it.`,
      );
    }
    if (!caller.canApprove) {
      throw new NotAllowedError(
        'You are not allowed to decide exceptions (permission aspm.exception.approve)',
      );
    }
    let expiresAt: Date | undefined;
    let reviewAt: Date | undefined;
    if (to === 'approved') {
      if (!from.includes(e.status)) this.conflict(e, event);
      expiresAt = endOfDayUtc(body.expiresAt!);
      reviewAt = body.reviewAt ? endOfDayUtc(body.reviewAt) : undefined;
      validateApproval({
        expiresAt,
        reviewAt,
        now: this.now(),
        tier: e.tier,
        maxDaysByTier: this.deps.config.maxDaysByTier,
      });
    }
    return this.move(e, caller, from, to, event, {
      note: body.note,
      decided: true,
      expiresAt,
      reviewAt,
    });
  }

  private async move(
    e: AspmException,
    caller: ExceptionCaller,
    from: ExceptionStatus[],
    to: ExceptionStatus,
    event: 'approved' | 'renewed' | 'rejected' | 'revoked',
    extra: {
      note?: string;
      decided: boolean;
      expiresAt?: Date;
      reviewAt?: Date;
    },
  ): Promise<AspmExceptionDetails> {
    if (!from.includes(e.status)) this.conflict(e, event);
    const done = await this.deps.exceptions.transition({
      id: e.id,
      from,
      to,
      event,
      actor: caller.actor,
      at: this.now(),
      note: extra.note,
      decided: extra.decided,
      expiresAt: extra.expiresAt,
      reviewAt: extra.reviewAt,
      renewal: event === 'renewed',
    });
    if (!done) {
      // Someone else changed it between our read and our write.
      this.conflict((await this.deps.exceptions.get(e.id)) ?? e, event);
    }
    return this.details(e.id, caller);
  }

  private conflict(e: AspmException, event: keyof typeof APPLIES_TO): never {
    throw new ConflictError(
      `Exception ${e.id} is ${e.status}; it cannot be ${event} now (only ${APPLIES_TO[event]} exceptions can)`,
    );
  }
}
