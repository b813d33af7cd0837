import { ExceptionsStore } from '../database/ExceptionsStore';
import { DEMO_APPROVER, DemoException } from './demoExceptionPlan';

type Step = { at: Date; run: () => Promise<void> };

/**
 * Plays the demo's exceptions in time order next to the scan history:
 * requests, decisions, revocations and expiries happen through the store at
 * their historical times, so findings are accepted and come back when they
 * did.
 */
export class DemoExceptionTimeline {
  private readonly steps: Step[] = [];
  private readonly ids = new Map<DemoException, number>();

  constructor(store: ExceptionsStore, plan: DemoException[]) {
    for (const e of plan) {
      this.steps.push({
        at: e.requestedAt,
        run: async () => {
          this.ids.set(
            e,
            await store.create({
              entityRef: e.entityRef,
              scope: e.scope,
              reason: e.reason,
              category: e.category,
              source: 'manual',
              status: 'requested',
              requestedBy: e.requestedBy,
              requestedAt: e.requestedAt,
              requestedExpiresAt: e.decision?.expiresAt,
              compensatingControl: e.compensatingControl,
            }),
          );
        },
      });
      const d = e.decision;
      if (d) {
        this.steps.push({
          at: d.at,
          run: async () => {
            await store.transition({
              id: this.ids.get(e)!,
              from: ['requested'],
              to: d.to,
              event: d.to,
              actor: DEMO_APPROVER,
              at: d.at,
              note: d.note,
              decided: true,
              expiresAt: d.expiresAt,
              reviewAt: d.reviewAt,
            });
          },
        });
        if (d.expiresAt) {
          const expiresAt = d.expiresAt;
          this.steps.push({
            at: expiresAt,
            run: async () => {
              await store.expireDue(expiresAt);
            },
          });
        }
      }
      if (e.revokedAt) {
        const at = e.revokedAt;
        this.steps.push({
          at,
          run: async () => {
            await store.transition({
              id: this.ids.get(e)!,
              from: ['approved'],
              to: 'revoked',
              event: 'revoked',
              actor: DEMO_APPROVER,
              at,
              note: 'The generated client now lives in its own repository.',
            });
          },
        });
      }
    }
    this.steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  /** Runs every step due at or before `time`. */
  async until(time: Date): Promise<void> {
    while (this.steps.length && this.steps[0].at <= time) {
      await this.steps.shift()!.run();
    }
  }
}
