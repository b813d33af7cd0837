import { Entity } from '@backstage/catalog-model';
import { toEntityRecords } from './toEntityRecords';

const options = {
  businessUnitGroupTypes: ['business-unit', 'department'],
  placeholderOwners: ['unknown'],
  goldenPath: {
    annotation: 'aspm.io/golden-path',
    tags: ['golden-path'],
    templates: ['template:default/node-service'],
  },
};

const group = (name: string, type: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name },
  spec: { type, parent, children: [] },
});
const user = (name: string, memberOf: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name },
  spec: { memberOf },
});
const component = (
  name: string,
  owner: string | undefined,
  annotations: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', lifecycle: 'production', owner, ...extra },
});

function byName(entities: Entity[]) {
  return Object.fromEntries(
    toEntityRecords(entities, options).map(r => [r.name, r]),
  );
}

describe('toEntityRecords', () => {
  it('classifies every kind of owner', () => {
    const r = byName([
      group('bu', 'business-unit'),
      group('team', 'team', 'bu'),
      user('in-team', ['team']),
      user('loner', []),
      user('ghost-member', ['gone-team']),
      component('by-group', 'team'),
      component('by-user', 'user:in-team'),
      component('by-loner', 'user:loner'),
      component('by-ghost', 'user:ghost-member'),
      component('dangling-group', 'group:missing'),
      component('dangling-user', 'user:nobody-here'),
      component('placeholder', 'Unknown'),
      component('no-owner', undefined),
      component('by-component', 'component:other'),
    ]);
    expect(r['by-group']).toMatchObject({
      ownerResolution: 'group',
      owningTeam: 'group:default/team',
      businessUnit: 'group:default/bu',
    });
    expect(r['by-user']).toMatchObject({
      ownerResolution: 'user-in-team',
      owningTeam: 'group:default/team',
    });
    expect(r['by-loner'].ownerResolution).toBe('user-without-team');
    expect(r['by-ghost'].ownerResolution).toBe('user-without-team');
    expect(r['dangling-group'].ownerResolution).toBe('dangling');
    expect(r['dangling-user'].ownerResolution).toBe('dangling');
    expect(r.placeholder.ownerResolution).toBe('missing');
    expect(r['no-owner'].ownerResolution).toBe('missing');
    expect(r['by-component'].ownerResolutionReason).toMatch(
      /not a Group or User/,
    );
  });

  it('a real Group named like a placeholder is an owner', () => {
    const r = byName([group('unknown', 'team'), component('c', 'unknown')]);
    expect(r.c.ownerResolution).toBe('group');
  });

  it('walks nested groups, stops at missing parents and cycles', () => {
    const r = byName([
      group('dept', 'department'),
      group('tribe', 'tribe', 'dept'),
      group('squad', 'team', 'tribe'),
      group('orphan', 'team', 'missing-parent'),
      group('a', 'team', 'b'),
      group('b', 'team', 'a'),
      group('self', 'team', 'self'),
      component('nested', 'squad'),
      component('orphaned', 'orphan'),
      component('cyclic', 'a'),
      component('selfish', 'self'),
    ]);
    expect(r.nested.businessUnit).toBe('group:default/dept');
    expect(r.orphaned.businessUnit).toBeUndefined();
    expect(r.cyclic.businessUnit).toBeUndefined();
    expect(r.selfish.businessUnit).toBeUndefined();
  });

  it('takes the business unit from the annotation, else the System owner', () => {
    const system: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'sys' },
      spec: { owner: 'team', domain: 'dom' },
    };
    const r = byName([
      group('bu', 'business-unit'),
      group('other-bu', 'business-unit'),
      group('team', 'team', 'bu'),
      system,
      component('override', 'team', { 'aspm.io/business-unit': 'other-bu' }),
      component('via-system', 'group:missing', {}, { system: 'sys' }),
    ]);
    expect(r.override.businessUnit).toBe('group:default/other-bu');
    expect(r['via-system']).toMatchObject({
      ownerResolution: 'dangling',
      businessUnit: 'group:default/bu',
      system: 'system:default/sys',
      domain: 'domain:default/dom',
    });
  });

  it('parses tier, exposure and repository, and reports bad values', () => {
    const r = byName([
      group('team', 'team'),
      component('good', 'team', {
        'aspm.io/tier': '1',
        'aspm.io/exposure': 'Internet',
        'github.com/project-slug': 'Acme/Good',
      }),
      component('bad', 'team', {
        'aspm.io/tier': 'one',
        'aspm.io/exposure': 'public',
        'backstage.io/source-location':
          'url:https://gitlab.example.com/acme/bad.git',
      }),
      component('none', 'team'),
    ]);
    expect(r.good).toMatchObject({
      tier: '1',
      exposure: 'internet',
      repository: { slug: 'acme/good', source: 'github.com/project-slug' },
      annotationProblems: [],
    });
    expect(r.bad.tier).toBeUndefined();
    expect(r.bad.exposure).toBeUndefined();
    expect(r.bad.repository).toEqual({
      slug: 'acme/bad',
      url: 'https://gitlab.example.com/acme/bad.git',
      source: 'backstage.io/source-location',
    });
    expect(r.bad.annotationProblems.map(p => p.annotation)).toEqual([
      'aspm.io/tier',
      'aspm.io/exposure',
    ]);
    expect(r.none.tier).toBeUndefined();
    expect(r.none.repository).toBeUndefined();
  });

  it('keeps one record per ref whatever the case', () => {
    const records = toEntityRecords(
      [
        group('team', 'team'),
        component('Dup', 'team'),
        component('dup', 'team'),
      ],
      options,
    );
    expect(records.filter(r => r.kind === 'component')).toHaveLength(1);
    expect(records.find(r => r.kind === 'component')?.entityRef).toBe(
      'component:default/dup',
    );
  });

  it('marks entities on a golden path by annotation, tag or template, and says which matched', () => {
    const withMeta = (
      name: string,
      meta: { annotations?: Record<string, string>; tags?: string[] },
    ): Entity => {
      const e = component(name, 'team');
      return {
        ...e,
        metadata: {
          ...e.metadata,
          annotations: { ...e.metadata.annotations, ...meta.annotations },
          tags: meta.tags,
        },
      };
    };
    const r = Object.fromEntries(
      toEntityRecords(
        [
          group('team', 'team'),
          withMeta('marked', {
            annotations: { 'aspm.io/golden-path': 'true' },
          }),
          withMeta('named', {
            annotations: { 'aspm.io/golden-path': 'java-spring' },
          }),
          withMeta('off', { annotations: { 'aspm.io/golden-path': 'false' } }),
          withMeta('tagged', { tags: ['Golden-Path', 'java'] }),
          withMeta('scaffolded', {
            annotations: {
              'backstage.io/source-template': 'template:default/node-service',
            },
          }),
          withMeta('other-template', {
            annotations: {
              'backstage.io/source-template': 'template:default/hackathon',
            },
          }),
          withMeta('plain', {}),
        ],
        options,
      ).map(x => [x.name, x.goldenPath]),
    );
    expect(r).toEqual({
      team: undefined,
      marked: 'annotation aspm.io/golden-path',
      named: 'annotation aspm.io/golden-path: java-spring',
      off: undefined,
      tagged: 'tag golden-path',
      scaffolded: 'template template:default/node-service',
      'other-template': undefined,
      plain: undefined,
    });
  });
});
