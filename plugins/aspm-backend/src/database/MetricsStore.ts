import { MetricsWorld } from '../metrics/MetricsWorld';

/** Reads the history the metrics are computed from. */
export interface MetricsStore {
  /**
   * The world as of `asOf` (end of a day, for stock metrics) and over the
   * window [from, to) (flow metrics), rebuilt from the stored events. Scans
   * and releases reach back `lookBackDays` before asOf for the coverage
   * controls.
   */
  loadWorld(options: {
    asOf: Date;
    from: Date;
    to: Date;
    lookBackDays: number;
  }): Promise<MetricsWorld>;
}
