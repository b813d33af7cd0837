import { DEFAULT_EXCEPTIONS_FILTER } from './defaultExceptionsFilter';
import { exceptionsFilterReducer } from './exceptionsFilterReducer';
import { exceptionsRequest } from './exceptionsRequest';
import { expiringWithinOptions } from './expiringWithinOptions';
import { hasExceptionFilters } from './hasExceptionFilters';
import { nextExceptionsSort } from './nextExceptionsSort';
import { parseListInput } from './parseListInput';

describe('exceptions filter', () => {
  it('queries every exception of an entity by default', () => {
    expect(
      exceptionsRequest(DEFAULT_EXCEPTIONS_FILTER, 'component:default/x'),
    ).toEqual({
      entityRef: ['component:default/x'],
      orderBy: 'requestedAt',
      order: 'desc',
      limit: 10,
      offset: 0,
    });
    expect(hasExceptionFilters(DEFAULT_EXCEPTIONS_FILTER)).toBe(false);
  });

  it('puts set filters in the query and goes back to the first page', () => {
    let filter = exceptionsFilterReducer(DEFAULT_EXCEPTIONS_FILTER, {
      type: 'page',
      page: 3,
    });
    expect(filter.page).toBe(3);
    filter = exceptionsFilterReducer(filter, {
      type: 'set',
      patch: {
        status: ['approved'],
        tier: ['1', 'untiered'],
        expiringWithinDays: 30,
        minAgeDays: 90,
        noReviewDate: true,
      },
    });
    expect(filter.page).toBe(0);
    expect(hasExceptionFilters(filter)).toBe(true);
    expect(exceptionsRequest(filter)).toEqual({
      status: ['approved'],
      tier: ['1', 'untiered'],
      expiringWithinDays: 30,
      minAgeDays: 90,
      noReviewDate: true,
      orderBy: 'requestedAt',
      order: 'desc',
      limit: 10,
      offset: 0,
    });
    filter = exceptionsFilterReducer(filter, {
      type: 'pageSize',
      pageSize: 25,
    });
    filter = exceptionsFilterReducer(filter, { type: 'page', page: 2 });
    expect(exceptionsRequest(filter)).toMatchObject({ limit: 25, offset: 50 });
    expect(
      exceptionsFilterReducer(filter, {
        type: 'reset',
        filter: DEFAULT_EXCEPTIONS_FILTER,
      }),
    ).toBe(DEFAULT_EXCEPTIONS_FILTER);
  });

  it('flips the order of the sorted column, dates start newest first', () => {
    const current = { orderBy: 'requestedAt', order: 'desc' } as const;
    expect(nextExceptionsSort(current, 'requestedAt')).toEqual({
      orderBy: 'requestedAt',
      order: 'asc',
    });
    expect(nextExceptionsSort(current, 'expiresAt')).toEqual({
      orderBy: 'expiresAt',
      order: 'desc',
    });
    expect(nextExceptionsSort(current, 'status')).toEqual({
      orderBy: 'status',
      order: 'asc',
    });
  });

  it('parses list inputs and offers expiry windows', () => {
    expect(parseListInput(' a, b,,a ')).toEqual(['a', 'b']);
    expect(expiringWithinOptions(45)).toEqual([7, 14, 30, 45, 60, 90]);
    expect(expiringWithinOptions(30)).toEqual([7, 14, 30, 60, 90]);
  });
});
