import {
  DEFAULT_RELEASES_PAGING,
  nextReleasesSort,
  releasesPageRequest,
} from './releasesPaging';

describe('releases paging', () => {
  it('asks the server for one page of the entity, newest first', () => {
    expect(
      releasesPageRequest('component:default/a', {
        ...DEFAULT_RELEASES_PAGING,
        page: 2,
      }),
    ).toEqual({
      entityRef: ['component:default/a'],
      orderBy: 'releasedAt',
      order: 'desc',
      limit: 5,
      offset: 10,
    });
  });

  it('flips the order of the sorted column and starts others sensibly', () => {
    const paged = { ...DEFAULT_RELEASES_PAGING, page: 3 };
    expect(nextReleasesSort(paged, 'releasedAt')).toMatchObject({
      orderBy: 'releasedAt',
      order: 'asc',
      page: 0,
    });
    expect(nextReleasesSort(paged, 'version')).toMatchObject({
      orderBy: 'version',
      order: 'asc',
      page: 0,
    });
  });
});
