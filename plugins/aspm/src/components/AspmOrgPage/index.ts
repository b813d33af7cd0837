export { AspmOrgPage, AspmOrgOverview } from './AspmOrgPage';
