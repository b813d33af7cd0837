import {
  DEFAULT_FINDINGS_FILTER,
  FindingsFilter,
  findingsFilterReducer,
  findingsRequest,
  isSeverityCountSelected,
  parseToolFilter,
} from './findingsFilter';

const REF = 'component:default/payments-api';

describe('findingsFilterReducer', () => {
  const onPage3: FindingsFilter = { ...DEFAULT_FINDINGS_FILTER, page: 3 };

  it('shows the open findings of a severity on a count click, and all again on a second click', () => {
    const fixed: FindingsFilter = {
      ...onPage3,
      state: ['fixed'],
      severity: ['low', 'high'],
    };
    const selected = findingsFilterReducer(fixed, {
      type: 'severityCount',
      severity: 'high',
    });
    expect(selected).toMatchObject({
      state: ['open'],
      severity: ['high'],
      page: 0,
    });
    expect(isSeverityCountSelected(selected, 'high')).toBe(true);
    expect(isSeverityCountSelected(selected, 'low')).toBe(false);
    expect(isSeverityCountSelected(fixed, 'high')).toBe(false);

    const cleared = findingsFilterReducer(selected, {
      type: 'severityCount',
      severity: 'high',
    });
    expect(cleared).toMatchObject({ state: ['open'], severity: [] });
  });

  it('goes back to the first page on any filter or sort change', () => {
    expect(
      findingsFilterReducer(onPage3, { type: 'state', values: ['fixed'] }),
    ).toMatchObject({ state: ['fixed'], page: 0 });
    expect(
      findingsFilterReducer(onPage3, { type: 'category', values: ['iac'] }),
    ).toMatchObject({ category: ['iac'], page: 0 });
    expect(
      findingsFilterReducer(onPage3, { type: 'tool', values: ['trivy'] }),
    ).toMatchObject({ tool: ['trivy'], page: 0 });
    expect(
      findingsFilterReducer(onPage3, {
        type: 'sort',
        orderBy: 'lastSeenAt',
        order: 'desc',
      }),
    ).toMatchObject({ orderBy: 'lastSeenAt', order: 'desc', page: 0 });
    expect(
      findingsFilterReducer(onPage3, { type: 'pageSize', pageSize: 50 }),
    ).toMatchObject({ pageSize: 50, page: 0 });
  });

  it('pages', () => {
    expect(
      findingsFilterReducer(DEFAULT_FINDINGS_FILTER, { type: 'page', page: 2 })
        .page,
    ).toBe(2);
    expect(
      findingsFilterReducer(onPage3, { type: 'page', page: -1 }).page,
    ).toBe(0);
  });

  it('resets to open findings, most severe first', () => {
    expect(
      findingsFilterReducer(
        { ...onPage3, severity: ['low'], state: [] },
        { type: 'reset' },
      ),
    ).toEqual(DEFAULT_FINDINGS_FILTER);
    expect(DEFAULT_FINDINGS_FILTER).toMatchObject({
      state: ['open'],
      orderBy: 'severity',
      order: 'asc',
    });
  });
});

describe('findingsRequest', () => {
  it('asks for open findings of the entity by default', () => {
    expect(findingsRequest(REF, DEFAULT_FINDINGS_FILTER)).toEqual({
      entityRef: [REF],
      state: ['open'],
      orderBy: 'severity',
      order: 'asc',
      limit: 10,
      offset: 0,
    });
  });

  it('passes filters and turns the page into an offset', () => {
    expect(
      findingsRequest(REF, {
        severity: ['critical', 'high'],
        state: [],
        category: ['dependency'],
        tool: ['trivy'],
        orderBy: 'firstSeenAt',
        order: 'desc',
        page: 2,
        pageSize: 25,
      }),
    ).toEqual({
      entityRef: [REF],
      severity: ['critical', 'high'],
      category: ['dependency'],
      tool: ['trivy'],
      orderBy: 'firstSeenAt',
      order: 'desc',
      limit: 25,
      offset: 50,
    });
  });
});

describe('parseToolFilter', () => {
  it('splits a comma-separated list', () => {
    expect(parseToolFilter(' trivy, semgrep ,,trivy')).toEqual([
      'trivy',
      'semgrep',
    ]);
    expect(parseToolFilter('  ')).toEqual([]);
  });
});
