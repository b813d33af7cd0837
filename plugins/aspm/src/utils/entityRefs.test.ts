import {
  catalogEntityPath,
  shortEntityRef,
  tryParseEntityRef,
} from './entityRefs';

describe('entity refs', () => {
  it('builds catalog paths', () => {
    expect(catalogEntityPath('component:default/invoice-renderer')).toBe(
      '/catalog/default/component/invoice-renderer',
    );
    expect(catalogEntityPath('Group:Payments-BU')).toBe(
      '/catalog/default/group/payments-bu',
    );
    expect(catalogEntityPath('')).toBeUndefined();
  });

  it('shortens refs in the default namespace', () => {
    expect(shortEntityRef('group:default/team-billing')).toBe('team-billing');
    expect(shortEntityRef('group:ops/sre')).toBe('ops/sre');
  });

  it('does not throw on refs without a kind', () => {
    expect(tryParseEntityRef('unknown')).toBeUndefined();
    expect(tryParseEntityRef('unknown', 'group')?.kind).toBe('group');
  });
});
