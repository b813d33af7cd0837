import { flattenPackRows } from './packTableRows';

describe('flattenPackRows', () => {
  it('puts parents before children, with path keys unique even when ids repeat', () => {
    const rows = flattenPackRows([
      {
        id: 'bu-a',
        level: 'businessUnit',
        cells: { name: 'A' },
        children: [
          {
            id: 'team',
            level: 'team',
            cells: { name: 'T' },
            children: [{ id: 'svc', level: 'entity', cells: {} }],
          },
        ],
      },
      {
        id: 'bu-b',
        level: 'businessUnit',
        cells: {},
        children: [{ id: 'team', level: 'team', cells: {} }],
      },
    ]);
    expect(rows.map(r => [r.key, r.parentKey, r.depth])).toEqual([
      ['bu-a', undefined, 0],
      ['bu-a>team', 'bu-a', 1],
      ['bu-a>team>svc', 'bu-a>team', 2],
      ['bu-b', undefined, 0],
      ['bu-b>team', 'bu-b', 1],
    ]);
  });
});
