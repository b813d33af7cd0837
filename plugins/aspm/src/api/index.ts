export { aspmApiRef } from './AspmApi';
export type {
  AspmApi,
  AspmEntityOrderBy,
  CatalogSyncStatus,
  FindingWithEvents,
  FindingsOrderBy,
  GetOwnershipRequest,
  ListAspmEntitiesRequest,
  ListFindingsRequest,
  ListIngestionsRequest,
} from './AspmApi';
export { AspmClient } from './AspmClient';
