export { ExceptionDetailsDialog } from './ExceptionDetailsDialog';
export { ExceptionRequestDialog } from './ExceptionRequestDialog';
export { ExceptionsTable } from './ExceptionsTable';
