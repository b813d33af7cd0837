export { EvidenceChecklist } from './EvidenceChecklist';
export { GateTrendChart } from './GateTrendChart';
export { ReleaseDetailsDialog } from './ReleaseDetailsDialog';
export { ReleasesTable } from './ReleasesTable';
