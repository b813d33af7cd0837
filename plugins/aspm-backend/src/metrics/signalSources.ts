/**
 * The names program signals go by in a counting basis's sources, beside
 * the scanners: when one starts reporting, the trends of the metrics it
 * feeds carry a counting-change marker.
 */
export const SCORECARD_SOURCE = 'OpenSSF Scorecard';
export const INCIDENT_SOURCE = 'incident follow-ups';
export const reviewSource = (source: string) => `security reviews (${source})`;
export const deploySource = (source: string) => `deployments (${source})`;
