import { compareNullable } from './compareNullable';
import { idsPage, orderByIds } from './idsPage';

describe('idsPage and orderByIds', () => {
  it('cuts pages of ids and puts answers back in their order', () => {
    const ids = [9, 3, 7, 1, 5];
    expect(idsPage(ids, 0, 2)).toEqual([9, 3]);
    expect(idsPage(ids, 2, 2)).toEqual([5]);
    expect(
      orderByIds([{ id: 1 }, { id: 3 }, { id: 9 }, { id: 42 }], ids).map(
        x => x.id,
      ),
    ).toEqual([9, 3, 1, 42]);
  });
});

describe('compareNullable', () => {
  it('sorts numbers ascending and missing ones last', () => {
    expect([0.5, null, 1, undefined, 0].sort(compareNullable)).toEqual([
      0,
      0.5,
      1,
      null,
      undefined,
    ]);
  });
});
