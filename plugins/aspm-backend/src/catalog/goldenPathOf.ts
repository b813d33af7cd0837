import { Entity } from '@backstage/catalog-model';
import { SOURCE_TEMPLATE_ANNOTATION } from '@aspm/plugin-aspm-common';
import { GoldenPathRule } from './types';

/**
 * Whether the catalog data puts an entity on an approved golden path, and
 * what matched: the golden-path annotation (any value but "false"), a
 * golden-path tag, or a scaffolder template that is a golden path. Pure.
 */
export function goldenPathOf(
  entity: Entity,
  rule: GoldenPathRule,
): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const marked = annotations[rule.annotation]?.trim();
  if (marked && marked.toLocaleLowerCase('en-US') !== 'false') {
    return marked.toLocaleLowerCase('en-US') === 'true'
      ? `annotation ${rule.annotation}`
      : `annotation ${rule.annotation}: ${marked}`;
  }
  const tags = (entity.metadata.tags ?? []).map(t =>
    String(t).toLocaleLowerCase('en-US'),
  );
  const tag = rule.tags.find(t => tags.includes(t.toLocaleLowerCase('en-US')));
  if (tag) return `tag ${tag}`;
  const template = annotations[SOURCE_TEMPLATE_ANNOTATION]?.trim();
  if (template) {
    const wanted = template.toLocaleLowerCase('en-US');
    const match = rule.templates.find(
      t => t === '*' || t.toLocaleLowerCase('en-US') === wanted,
    );
    if (match) return `template ${template}`;
  }
  return undefined;
}
