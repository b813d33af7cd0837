export { useAspmEntity } from './useAspmEntity';
export { useCatalogSync } from './useCatalogSync';
export { useOwnershipReport } from './useOwnershipReport';
export {
  useFinding,
  useFindingCounts,
  useFindings,
  useIngestions,
} from './useFindings';
export type { FindingCounts } from './useFindings';
export { useFindingsFilter } from './useFindingsFilter';
export { useException } from './useException';
export { useExceptionDecision } from './useExceptionDecision';
export { useExceptionDialogs } from './useExceptionDialogs';
export { useExceptionPolicy } from './useExceptionPolicy';
export { useExceptionRequest } from './useExceptionRequest';
export { useExceptions } from './useExceptions';
export { useExceptionsFilter } from './useExceptionsFilter';
export { useExceptionSummary } from './useExceptionSummary';
export { useSignedInUserRef } from './useSignedInUserRef';
export { useGateTrend } from './useGateTrend';
export { useRelease } from './useRelease';
export { useReleases } from './useReleases';
export { useSecretRotation } from './useSecretRotation';
export { useSecrets } from './useSecrets';
export { useEntityScorecard } from './useEntityScorecard';
export { useTeamScorecard } from './useTeamScorecard';
export { useMetricDetail } from './useMetricDetail';
export { usePack } from './usePack';
export { usePackQuery } from './usePackQuery';
export type { PackQuery } from './usePackQuery';
export { usePackEditing } from './usePackEditing';
