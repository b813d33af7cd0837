/**
 * Catalog backend module that validates the ASPM annotations.
 *
 * @packageDocumentation
 */
export { catalogModuleAspm as default } from './module';
export * from './AspmAnnotationProcessor';
