export { useAspmEntity } from './useAspmEntity';
export { useCatalogSync } from './useCatalogSync';
export { useOwnershipReport } from './useOwnershipReport';
