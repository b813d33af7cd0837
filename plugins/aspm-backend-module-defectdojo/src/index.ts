/**
 * ASPM ingestion source that pulls findings from DefectDojo (API v2).
 *
 * @packageDocumentation
 */
export { aspmModuleDefectDojo as default } from './module';
export { DefectDojoSource, DEFECTDOJO_TOOL_NAME } from './DefectDojoSource';
export type { DefectDojoSourceOptions } from './DefectDojoSource';
