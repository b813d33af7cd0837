/** What kind of work a next-30-days action is. @public */
export type SecurityActionKind =
  | 'finding-sla'
  | 'exception-expiry'
  | 'exception-review'
  | 'secret-rotation'
  | 'release-evidence'
  | 'missing-control';

/** One thing to do in the next days, derived from the stored state. @public */
export interface SecurityAction {
  kind: SecurityActionKind;
  entityRef: string;
  /** What it is about, e.g. the finding's title. */
  title: string;
  /** What to do, in words. */
  action: string;
  /** The deadline (ISO), when there is one. */
  dueAt?: string;
  /** The deadline has passed. */
  overdue: boolean;
  /** Whole days to the deadline (negative when overdue). */
  daysLeft?: number;
  /** What the action links to. */
  target: {
    kind: 'finding' | 'exception' | 'release' | 'entity';
    id: string;
  };
  /** Finding severity, or the missing control. */
  severity?: string;
  control?: string;
}

/** GET /actions. @public */
export interface SecurityActionsResponse {
  scope: string;
  asOf: string;
  withinDays: number;
  /** Overdue first, then by deadline; actions without one last. */
  actions: SecurityAction[];
  counts: Partial<Record<SecurityActionKind, number>>;
}
