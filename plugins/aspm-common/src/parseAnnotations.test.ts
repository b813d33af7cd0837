import { parseAspmAnnotations } from './parseAnnotations';

describe('parseAspmAnnotations', () => {
  it('accepts valid values, trimming and lower-casing exposure', () => {
    expect(
      parseAspmAnnotations({
        'aspm.io/tier': ' 2 ',
        'aspm.io/exposure': 'INTERNAL',
        'aspm.io/business-unit': 'group:default/payments',
        'defectdojo.org/product-id': '42',
      }),
    ).toEqual({
      tier: '2',
      exposure: 'internal',
      businessUnitOverride: 'group:default/payments',
      problems: [],
    });
  });

  it('treats absent annotations as gaps, not defaults', () => {
    expect(parseAspmAnnotations(undefined)).toEqual({ problems: [] });
  });

  it.each([
    ['aspm.io/tier', 'one', /must be one of "1", "2", "3".*got "one"/],
    ['aspm.io/tier', '0', /got "0"/],
    ['aspm.io/exposure', 'public', /must be one of "internet", "internal"/],
    ['aspm.io/business-unit', 'not a ref!', /must be a Group reference/],
    ['defectdojo.org/product-id', 'abc', /numeric DefectDojo product id/],
  ])('reports %s: %s', (annotation, value, message) => {
    const parsed = parseAspmAnnotations({ [annotation]: value });
    expect(parsed.problems).toEqual([
      { annotation, value, message: expect.stringMatching(message) },
    ]);
    expect(parsed.tier).toBeUndefined();
    expect(parsed.exposure).toBeUndefined();
  });
});
