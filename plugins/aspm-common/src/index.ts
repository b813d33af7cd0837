/**
 * Types, API schemas, annotation names, metric ids and permissions shared by
 * the ASPM plugins.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './parseAnnotations';
export * from './permissions';
export * from './metricIds';
export * from './types';
export * from './schemas';
export * from './findings';
export * from './severity';
export * from './exceptions';
export * from './releases';
export * from './secrets';
export * from './metrics';
export * from './actions';
export * from './operatingMetrics';
export * from './operatingMetricsQuerySchema';
export * from './programSignals';
export * from './programSignalsSchemas';
export * from './scorecard';
export * from './scorecardQuerySchema';
export * from './packs';
export * from './packSchemas';
export * from './packPeriods';
