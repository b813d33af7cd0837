export { EntityFindings } from './EntityFindings';
export { RecentIngestionsCard } from './RecentIngestionsCard';
