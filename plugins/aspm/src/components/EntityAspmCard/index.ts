export { EntityAspmCard } from './EntityAspmCard';
