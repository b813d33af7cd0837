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
