import { invoiceRenderer, paymentsApi } from '../__testUtils__/fixtures';
import {
  ANNOTATION_EXAMPLES,
  annotationGuidance,
  annotationsSnippet,
  ownerSnippet,
} from './annotationGuidance';

describe('annotationsSnippet', () => {
  it('renders the YAML to add, with quoted values and a comment', () => {
    expect(annotationsSnippet([ANNOTATION_EXAMPLES.tier])).toBe(
      [
        'metadata:',
        '  annotations:',
        '    aspm.io/tier: "1"   # 1 = business-critical, 2, 3',
      ].join('\n'),
    );
  });

  it('aligns the comments of several lines', () => {
    expect(
      annotationsSnippet([
        ANNOTATION_EXAMPLES.tier,
        ANNOTATION_EXAMPLES.exposure,
        { key: 'example.com/a-much-longer-key-without-comment', value: 'x' },
      ]),
    ).toBe(
      [
        'metadata:',
        '  annotations:',
        '    aspm.io/tier: "1"              # 1 = business-critical, 2, 3',
        '    aspm.io/exposure: "internet"   # "internet" or "internal"',
        '    example.com/a-much-longer-key-without-comment: "x"',
      ].join('\n'),
    );
  });

  it('renders spec.owner', () => {
    expect(ownerSnippet()).toBe(
      'spec:\n  owner: "group:default/your-team"   # an existing Group, or a User who is member of one',
    );
  });
});

describe('annotationGuidance', () => {
  it('has nothing to say about a complete entity', () => {
    expect(annotationGuidance(paymentsApi)).toEqual([]);
  });

  it('guides on missing and invalid metadata', () => {
    const guidance = annotationGuidance(invoiceRenderer);
    expect(guidance.map(g => [g.topic, g.status])).toEqual([
      ['tier', 'missing'],
      ['exposure', 'invalid'],
      ['owner', 'invalid'],
      ['repository', 'missing'],
    ]);
    expect(guidance[0].snippet).toContain('aspm.io/tier: "1"');
    expect(guidance[1].problem).toBe(
      'aspm.io/exposure must be one of "internet", "internal"; got "public"',
    );
    expect(guidance[1].snippet).toContain('aspm.io/exposure: "internet"');
    expect(guidance[2].problem).toMatch(
      /team-billing, which is not in the catalog/,
    );
    expect(guidance[3].snippet).toContain(
      'github.com/project-slug: "your-org/your-repo"',
    );
  });

  it('guides on an invalid tier and business unit', () => {
    const guidance = annotationGuidance({
      ...paymentsApi,
      tier: undefined,
      annotationProblems: [
        {
          annotation: 'aspm.io/tier',
          value: 'gold',
          message:
            'aspm.io/tier must be one of "1", "2", "3" (1 = business-critical); got "gold"',
        },
        {
          annotation: 'aspm.io/business-unit',
          value: 'Payments BU',
          message: 'aspm.io/business-unit must be a Group reference',
        },
      ],
    });
    expect(guidance.map(g => [g.topic, g.status])).toEqual([
      ['tier', 'invalid'],
      ['businessUnit', 'invalid'],
    ]);
  });

  it('says an owner is missing without a problem text', () => {
    const [owner] = annotationGuidance({
      ...paymentsApi,
      ownerRef: undefined,
      ownerResolution: 'missing',
      ownerResolutionReason: 'spec.owner is not set',
    });
    expect(owner).toMatchObject({
      topic: 'owner',
      status: 'missing',
      problem: undefined,
    });
  });
});
