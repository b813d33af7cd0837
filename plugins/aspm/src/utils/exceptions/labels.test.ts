import { actorLabel } from './actorLabel';
import { businessUnitLabel } from './businessUnitLabel';
import { describeExceptionEvent } from './describeExceptionEvent';
import { exceptionCategoryLabel } from './exceptionCategoryLabel';
import { exceptionScopeLabel } from './exceptionScopeLabel';
import { exceptionSourceLabel } from './exceptionSourceLabel';
import { exceptionStatusDisplay } from './exceptionStatusDisplay';
import { findingStateText } from './findingStateText';
import { scopeTypeOptions } from './scopeTypeOptions';
import { sortExceptionEvents } from './sortExceptionEvents';

describe('exception labels', () => {
  it('states scopes in words', () => {
    expect(exceptionScopeLabel({ type: 'findings', findingIds: [5] })).toBe(
      'Finding #5',
    );
    expect(exceptionScopeLabel({ type: 'findings', findingIds: [1, 2] })).toBe(
      'Findings #1, #2',
    );
    expect(exceptionScopeLabel({ type: 'rule', rule: 'CVE-2021-44228' })).toBe(
      'Rule or advisory CVE-2021-44228',
    );
    expect(exceptionScopeLabel({ type: 'category', category: 'iac' })).toBe(
      'All findings of category IaC',
    );
    expect(exceptionScopeLabel({ type: 'entity' })).toBe('The whole entity');
  });

  it('labels categories, configured ones too', () => {
    expect(exceptionCategoryLabel('false-positive-dispute')).toBe(
      'False positive dispute',
    );
    expect(exceptionCategoryLabel('legacy_vendor')).toBe('Legacy vendor');
  });

  it('labels statuses with a colour, and sources', () => {
    expect(exceptionStatusDisplay('requested')).toEqual({
      label: 'Requested',
      severity: 'warning',
    });
    expect(exceptionStatusDisplay('expired').severity).toBe('error');
    expect(exceptionSourceLabel('defectdojo')).toBe('DefectDojo');
    expect(exceptionSourceLabel('github')).toBe('GitHub');
  });

  it('shortens actors and business units', () => {
    expect(actorLabel('user:default/carol')).toBe('carol');
    expect(actorLabel('service:external:ci')).toBe('service:external:ci');
    expect(businessUnitLabel('group:default/payments-bu')).toBe('payments-bu');
    expect(businessUnitLabel('(none)')).toBe('No business unit');
  });

  it('names the exception of an accepted finding', () => {
    expect(findingStateText({ state: 'accepted', exceptionId: 12 })).toBe(
      'Accepted (exception #12)',
    );
    expect(findingStateText({ state: 'accepted' })).toBe('Risk accepted');
    expect(findingStateText({ state: 'open' })).toBe('Open');
  });

  it('offers the findings scope only for findings', () => {
    expect(scopeTypeOptions([]).map(o => o.value)).toEqual([
      'rule',
      'category',
      'entity',
    ]);
    expect(scopeTypeOptions([3])[0]).toEqual({
      value: 'findings',
      label: 'This finding (#3)',
    });
    expect(scopeTypeOptions([3, 4])[0].label).toBe('These findings (#3, #4)');
  });
});

describe('audit events', () => {
  it('says who did what, with the change, dates and automatic expiry', () => {
    expect(
      describeExceptionEvent(
        {
          type: 'approved',
          actor: 'user:default/carol',
          at: '2026-03-02T10:00:00Z',
          fromStatus: 'requested',
          toStatus: 'approved',
          expiresAt: '2026-05-30T23:59:59.999Z',
          reviewAt: '2026-04-15T23:59:59.999Z',
        },
        'en-US',
      ),
    ).toEqual({
      title: 'Approved by carol',
      details: [
        'Requested → Approved',
        'expires May 30, 2026',
        'review Apr 15, 2026',
      ],
    });
    expect(
      describeExceptionEvent(
        {
          type: 'requested',
          actor: 'user:default/bob',
          at: '2026-03-01T10:00:00Z',
          expiresAt: '2026-04-01T12:00:00Z',
        },
        'en-US',
      ),
    ).toEqual({
      title: 'Requested by bob',
      details: ['expiry asked for Apr 1, 2026'],
    });
    expect(
      describeExceptionEvent({
        type: 'expired',
        actor: 'system:expiry',
        at: '2026-03-01T10:00:00Z',
      }).title,
    ).toBe('Expired automatically');
  });

  it('sorts events oldest first, stable on ties', () => {
    const events = [
      { type: 'approved', actor: 'b', at: '2026-03-02T00:00:00Z' },
      { type: 'requested', actor: 'a', at: '2026-03-01T00:00:00Z' },
      { type: 'updated', actor: 'c', at: '2026-03-02T00:00:00Z' },
    ] as const;
    expect(sortExceptionEvents([...events]).map(e => e.actor)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});
