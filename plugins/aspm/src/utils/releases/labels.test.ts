import { ChecklistItem, EVIDENCE_ITEMS } from '@aspm/plugin-aspm-common';
import { checklistItemLabel } from './checklistItemLabel';
import { evidenceSummary } from './evidenceSummary';
import { gateOutcomeDisplay } from './gateOutcomeDisplay';
import { gateTypeLabel } from './gateTypeLabel';
import { releaseOutcomeDisplay } from './releaseOutcomeDisplay';
import { shortDigest } from './shortDigest';
import { sortGates } from './sortGates';

const item = (
  name: ChecklistItem['item'],
  status: ChecklistItem['status'],
  required = true,
): ChecklistItem => ({ item: name, status, required });

describe('release labels', () => {
  it('labels the checklist items', () => {
    expect(EVIDENCE_ITEMS.map(checklistItemLabel)).toEqual([
      'SBOM',
      'Provenance (SLSA)',
      'Signature',
      'Scan results',
      'Gate decision',
      'Approver',
    ]);
    expect(checklistItemLabel('vex')).toBe('vex');
  });

  it('labels verdicts with a colour', () => {
    expect(releaseOutcomeDisplay('passed')).toEqual({
      label: 'Passed first time',
      severity: 'ok',
    });
    expect(releaseOutcomeDisplay('passed-after-rerun')).toEqual({
      label: 'Passed after re-run',
      severity: 'warning',
    });
    expect(releaseOutcomeDisplay('blocked')).toEqual({
      label: 'Blocked',
      severity: 'error',
    });
    expect(releaseOutcomeDisplay('ungated').severity).toBe('neutral');
  });

  it('labels gates and their results', () => {
    expect(gateTypeLabel('sca')).toBe('SCA');
    expect(gateTypeLabel('iac')).toBe('IaC');
    expect(gateTypeLabel('fuzzing')).toBe('fuzzing');
    expect(gateOutcomeDisplay('fail')).toEqual({
      label: 'Fail',
      severity: 'error',
    });
    expect(gateOutcomeDisplay('warn').severity).toBe('warning');
  });

  it('orders gates by type, then attempt', () => {
    expect(
      sortGates([
        { type: 'secrets', outcome: 'pass', attempt: 1 },
        { type: 'sca', outcome: 'pass', attempt: 2 },
        { type: 'sast', outcome: 'pass', attempt: 1 },
        { type: 'sca', outcome: 'fail', attempt: 1 },
      ]).map(g => `${g.type}#${g.attempt}`),
    ).toEqual(['sast#1', 'sca#1', 'sca#2', 'secrets#1']);
  });

  it('shortens digests, keeping short or odd values', () => {
    expect(shortDigest(`sha256:${'ab'.repeat(32)}`)).toBe(
      'sha256:abababababab…',
    );
    expect(shortDigest('sha1:abc')).toBe('sha1:abc');
    expect(shortDigest('latest')).toBe('latest');
  });
});

describe('evidenceSummary', () => {
  it('is complete when every required item is met', () => {
    expect(
      evidenceSummary({
        evidenceComplete: true,
        checklist: [item('sbom', 'met'), item('approver', 'missing', false)],
      }),
    ).toEqual({ label: 'Complete', severity: 'ok', missing: 0, invalid: 0 });
  });

  it('counts missing and invalid required items; invalid is an error', () => {
    expect(
      evidenceSummary({
        evidenceComplete: false,
        checklist: [
          item('sbom', 'missing'),
          item('signature', 'missing'),
          item('approver', 'missing', false),
        ],
      }),
    ).toMatchObject({ label: '2 missing', severity: 'warning' });
    expect(
      evidenceSummary({
        evidenceComplete: false,
        checklist: [item('sbom', 'missing'), item('provenance', 'invalid')],
      }),
    ).toMatchObject({ label: '1 missing, 1 invalid', severity: 'error' });
  });

  it('says when an environment requires nothing', () => {
    expect(
      evidenceSummary({
        evidenceComplete: true,
        checklist: [item('sbom', 'missing', false)],
      }).label,
    ).toBe('None required');
  });
});
