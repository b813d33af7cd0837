const LABELS: Record<string, string> = {
  'standard-unrealistic': 'Standard unrealistic',
  'platform-gap': 'Platform gap',
  ownership: 'Ownership',
  compensated: 'Compensated',
  'false-positive-dispute': 'False positive dispute',
  other: 'Other',
};

/**
 * The label of an exception category: the default taxonomy has labels;
 * configured ones are spelled out ("legacy_vendor" -> "Legacy vendor").
 */
export function exceptionCategoryLabel(category: string): string {
  if (LABELS[category]) return LABELS[category];
  const words = category.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toLocaleUpperCase() + words.slice(1) : '';
}
