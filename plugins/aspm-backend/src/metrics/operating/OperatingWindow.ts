/** The instants of one weekly or monthly point (epoch milliseconds). */
export interface OperatingWindow {
  /** Stock numbers are read here: the period's last instant, or asOf. */
  asOf: number;
  /** Events are counted in [from, to). */
  from: number;
  to: number;
  /** The period ends after asOf (counted up to asOf only). */
  partial: boolean;
}
