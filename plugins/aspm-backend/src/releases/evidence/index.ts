export { parseSbom } from './parseSbom';
export { parseProvenance } from './parseProvenance';
export {
  checkProvenance,
  type CheckProvenanceOptions,
  type ProvenanceCheck,
} from './checkProvenance';
export {
  evaluateChecklist,
  type EvaluateChecklistInput,
} from './evaluateChecklist';
