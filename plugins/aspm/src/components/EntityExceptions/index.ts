export { EntityExceptions } from './EntityExceptions';
