/**
 * Node library for the ASPM backend: the extension point that ingestion
 * sources (backend modules) plug into, and the types they need.
 *
 * @packageDocumentation
 */
export * from './extensionPoints';
