/** A release candidate's stored verdict, as the releases store gives it. */
export interface ReleaseVerdictAt {
  releasedAt: Date;
  outcome: string;
  /** Gate types whose last attempt failed. */
  blockedBy: string[];
}
