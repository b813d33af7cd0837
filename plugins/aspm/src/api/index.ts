export { aspmApiRef } from './AspmApi';
export type {
  AspmApi,
  AspmEntityOrderBy,
  CatalogSyncStatus,
  GetOwnershipRequest,
  ListAspmEntitiesRequest,
} from './AspmApi';
export { AspmClient } from './AspmClient';
