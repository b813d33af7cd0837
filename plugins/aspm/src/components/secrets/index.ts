export { RecordRotationDialog } from './RecordRotationDialog';
export { SecretRotationTable } from './SecretRotationTable';
