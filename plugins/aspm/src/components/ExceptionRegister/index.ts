export { ExceptionRegister } from './ExceptionRegister';
