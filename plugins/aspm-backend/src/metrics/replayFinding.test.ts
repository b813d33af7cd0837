import { replayFinding } from './replayFinding';

const t = (day: number) => Date.UTC(2026, 9, day);

describe('replayFinding', () => {
  const events = [
    { type: 'opened', at: t(1) },
    { type: 'fixed', at: t(5) },
    { type: 'reopened', at: t(10) },
    { type: 'severity_changed', at: t(12), from: 'high', to: 'critical' },
    { type: 'accepted', at: t(14), to: '7' },
    { type: 'exception_ended', at: t(20), from: '7', to: 'open' },
    { type: 'fixed', at: t(25) },
  ];

  it('gives the state, severity and open spell at an instant', () => {
    expect(replayFinding(events, 'critical', t(3), t(1), t(31))).toMatchObject({
      state: 'open',
      severity: 'high',
      spellStart: t(1),
    });
    expect(replayFinding(events, 'critical', t(15), t(1), t(31))).toMatchObject(
      {
        state: 'open',
        exceptionId: 7,
        severity: 'critical',
        spellStart: t(10),
      },
    );
    expect(replayFinding(events, 'critical', t(0), t(1), t(31)).state).toBe(
      undefined,
    );
  });

  it('collects fixes (with their spell) and reopens in the window', () => {
    const r = replayFinding(events, 'critical', t(30), t(1), t(31));
    expect(r.fixes).toEqual([
      { at: t(5), spellStart: t(1), severity: 'high' },
      { at: t(25), spellStart: t(10), severity: 'critical' },
    ]);
    expect(r.reopens).toEqual([t(10)]);
    const later = replayFinding(events, 'critical', t(30), t(6), t(31));
    expect(later.fixes.map(f => f.at)).toEqual([t(25)]);
  });
});
