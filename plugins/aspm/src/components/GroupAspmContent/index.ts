export { GroupAspmContent } from './GroupAspmContent';
