export { EntityLink } from './EntityLink';
export { OwnerResolutionChip } from './OwnerResolutionChip';
export { SeverityChip } from './SeverityChip';
export { FieldList } from './FieldList';
export {
  FindingSeverityChip,
  useFindingSeverityStyles,
} from './FindingSeverityChip';
export { MultiSelect } from './MultiSelect';
export { useDetailsDialogStyles } from './useDetailsDialogStyles';
export { ServerPagedTable } from './ServerPagedTable';
export type { ServerPagedColumn } from './ServerPagedTable';
export { DetailsDialog } from './DetailsDialog';
export { FormDialogActions } from './FormDialogActions';
