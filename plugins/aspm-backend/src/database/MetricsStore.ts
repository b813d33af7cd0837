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
    /**
     * When given, the world may hold only the records of these scopes'
     * entities (all entities are still listed): enough for those scopes'
     * metrics, and much less to read for one service or team.
     */
    scopes?: string[];
  }): Promise<MetricsWorld>;
}
