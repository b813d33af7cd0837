import { ExceptionScopeType } from '@aspm/plugin-aspm-common';

/**
 * The choices of "Covers" in the request form: the findings it was opened
 * for (only when there are some), a rule or advisory, a category, or the
 * whole entity.
 */
export function scopeTypeOptions(
  findingIds: number[],
): Array<{ value: ExceptionScopeType; label: string }> {
  const options: Array<{ value: ExceptionScopeType; label: string }> = [];
  if (findingIds.length === 1) {
    options.push({
      value: 'findings',
      label: `This finding (#${findingIds[0]})`,
    });
  } else if (findingIds.length > 1) {
    options.push({
      value: 'findings',
      label: `These findings (${findingIds.map(id => `#${id}`).join(', ')})`,
    });
  }
  options.push(
    { value: 'rule', label: 'A rule or advisory (rule id, CVE or GHSA)' },
    { value: 'category', label: 'A category of findings' },
    { value: 'entity', label: 'Every finding of the entity' },
  );
  return options;
}
