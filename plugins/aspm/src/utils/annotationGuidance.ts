import {
  ASPM_BUSINESS_UNIT_ANNOTATION,
  ASPM_EXPOSURE_ANNOTATION,
  ASPM_TIER_ANNOTATION,
  AspmEntity,
  GITHUB_PROJECT_SLUG_ANNOTATION,
  isOwned,
} from '@aspm/plugin-aspm-common';

/** One line of a YAML snippet: `key: "value"   # comment`. */
export interface YamlLine {
  key: string;
  value: string;
  comment?: string;
}

function yamlValue(value: string): string {
  return JSON.stringify(value);
}

function renderLines(lines: YamlLine[], indent: string): string[] {
  const texts = lines.map(l => `${indent}${l.key}: ${yamlValue(l.value)}`);
  // Align the comments of the lines that have one.
  const width = Math.max(
    0,
    ...texts.filter((_, i) => lines[i].comment).map(t => t.length),
  );
  return lines.map((l, i) =>
    l.comment ? `${texts[i].padEnd(width)}   # ${l.comment}` : texts[i],
  );
}

/**
 * The YAML to add to an entity's catalog-info.yaml for the given annotations.
 * Values are always quoted: annotations must be strings ("1", not 1).
 */
export function annotationsSnippet(lines: YamlLine[]): string {
  return ['metadata:', '  annotations:', ...renderLines(lines, '    ')].join(
    '\n',
  );
}

/** The YAML for `spec.owner`. */
export function ownerSnippet(example = 'group:default/your-team'): string {
  return [
    'spec:',
    ...renderLines(
      [
        {
          key: 'owner',
          value: example,
          comment: 'an existing Group, or a User who is member of one',
        },
      ],
      '  ',
    ),
  ].join('\n');
}

/** Annotation lines with an example value and what the values mean. */
export const ANNOTATION_EXAMPLES = {
  tier: {
    key: ASPM_TIER_ANNOTATION,
    value: '1',
    comment: '1 = business-critical, 2, 3',
  },
  exposure: {
    key: ASPM_EXPOSURE_ANNOTATION,
    value: 'internet',
    comment: '"internet" or "internal"',
  },
  businessUnit: {
    key: ASPM_BUSINESS_UNIT_ANNOTATION,
    value: 'group:default/your-business-unit',
    comment: 'optional: overrides the business unit found via the owner',
  },
  repository: {
    key: GITHUB_PROJECT_SLUG_ANNOTATION,
    value: 'your-org/your-repo',
    comment: 'the GitHub repository of the code',
  },
} satisfies Record<string, YamlLine>;

/** Which piece of metadata a piece of guidance is about. */
export type GuidanceTopic =
  | 'tier'
  | 'exposure'
  | 'businessUnit'
  | 'repository'
  | 'owner';

/** What to change in catalog-info.yaml, and why. */
export interface AnnotationGuidance {
  topic: GuidanceTopic;
  /** The annotation (or `spec.owner`). */
  field: string;
  status: 'missing' | 'invalid';
  /** The validation message when invalid. */
  problem?: string;
  /** Text to copy into catalog-info.yaml. */
  snippet: string;
}

/**
 * Guidance for every ASPM-relevant piece of metadata of the entity that is
 * missing or invalid, in the order tier, exposure, business unit, owner,
 * repository.
 */
export function annotationGuidance(entity: AspmEntity): AnnotationGuidance[] {
  const problems = entity.annotationProblems ?? [];
  const problemFor = (annotation: string) =>
    problems.find(p => p.annotation === annotation);
  const result: AnnotationGuidance[] = [];

  const annotationTopics = [
    ['tier', entity.tier],
    ['exposure', entity.exposure],
    ['businessUnit', undefined],
  ] as const;
  for (const [topic, value] of annotationTopics) {
    const example = ANNOTATION_EXAMPLES[topic];
    const problem = problemFor(example.key);
    // The business unit annotation is optional: only guide when invalid.
    if (problem || (topic !== 'businessUnit' && !value)) {
      result.push({
        topic,
        field: example.key,
        status: problem ? 'invalid' : 'missing',
        problem: problem?.message,
        snippet: annotationsSnippet([example]),
      });
    }
  }

  if (!isOwned(entity.ownerResolution)) {
    result.push({
      topic: 'owner',
      field: 'spec.owner',
      status: entity.ownerResolution === 'missing' ? 'missing' : 'invalid',
      problem:
        entity.ownerResolution === 'missing'
          ? undefined
          : entity.ownerResolutionReason,
      snippet: ownerSnippet(),
    });
  }

  if (!entity.repository) {
    result.push({
      topic: 'repository',
      field: GITHUB_PROJECT_SLUG_ANNOTATION,
      status: 'missing',
      snippet: annotationsSnippet([ANNOTATION_EXAMPLES.repository]),
    });
  }
  return result;
}
