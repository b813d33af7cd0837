import { pivotCategorySummary } from './pivotCategorySummary';

describe('pivotCategorySummary', () => {
  it('makes a row per business unit, busiest first, columns in policy order', () => {
    const { categories, rows } = pivotCategorySummary(
      {
        items: [
          {
            businessUnit: 'group:default/payments-bu',
            category: 'platform-gap',
            count: 4,
          },
          {
            businessUnit: 'group:default/commerce-bu',
            category: 'ownership',
            count: 1,
          },
          {
            businessUnit: 'group:default/payments-bu',
            category: 'ownership',
            count: 2,
          },
          { businessUnit: '(none)', category: 'zz-custom', count: 1 },
          { businessUnit: '(none)', category: 'other', count: 0 },
        ],
      },
      ['standard-unrealistic', 'platform-gap', 'ownership', 'other'],
    );
    expect(categories).toEqual(['platform-gap', 'ownership', 'zz-custom']);
    expect(rows).toEqual([
      {
        businessUnit: 'group:default/payments-bu',
        counts: { 'platform-gap': 4, ownership: 2 },
        total: 6,
      },
      { businessUnit: '(none)', counts: { 'zz-custom': 1 }, total: 1 },
      {
        businessUnit: 'group:default/commerce-bu',
        counts: { ownership: 1 },
        total: 1,
      },
    ]);
  });
});
