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
  GetGateTrendRequest,
  GetOwnershipRequest,
  ListAspmEntitiesRequest,
  ListExceptionsRequest,
  ListFindingsRequest,
  ListIngestionsRequest,
  ListReleasesRequest,
  ListSecretsRequest,
} from './AspmApi';
export { AspmClient } from './AspmClient';
