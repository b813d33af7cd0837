export { aspmApiRef } from './AspmApi';
export type {
  AspmApi,
  AspmEntityOrderBy,
  CatalogSyncStatus,
  ExceptionDecisionBody,
  ExceptionsOrderBy,
  FindingWithEvents,
  FindingsOrderBy,
  GetExceptionSummaryRequest,
  GetOwnershipRequest,
  ListAspmEntitiesRequest,
  ListExceptionsRequest,
  ListFindingsRequest,
  ListIngestionsRequest,
} from './AspmApi';
export { AspmClient } from './AspmClient';
