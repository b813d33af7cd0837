import { ExceptionScope } from '@aspm/plugin-aspm-common';
import { categoryLabel } from '../findings';

/**
 * The scope of an exception in words: "Finding #5", "Findings #1, #2",
 * "Rule or advisory CVE-2021-44228", "All findings of category
 * Dependency", "The whole entity".
 */
export function exceptionScopeLabel(scope: ExceptionScope): string {
  switch (scope.type) {
    case 'findings': {
      const ids = scope.findingIds.map(id => `#${id}`);
      return ids.length === 1
        ? `Finding ${ids[0]}`
        : `Findings ${ids.join(', ')}`;
    }
    case 'rule':
      return `Rule or advisory ${scope.rule}`;
    case 'category':
      return `All findings of category ${categoryLabel(scope.category)}`;
    case 'entity':
      return 'The whole entity';
    default:
      return 'Unknown scope';
  }
}
