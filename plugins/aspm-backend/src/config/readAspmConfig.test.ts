import { ConfigReader } from '@backstage/config';
import { readAspmConfig } from './readAspmConfig';

const read = (aspm: unknown) =>
  readAspmConfig(new ConfigReader({ aspm } as any));

describe('readAspmConfig', () => {
  it('applies the documented defaults', () => {
    const c = read(undefined);
    expect(c.exceptions.maxDaysByTier).toEqual({
      '1': 90,
      '2': 180,
      '3': 365,
      default: 365,
    });
    expect(c.secrets.rotationSlaDaysByTier).toEqual({ default: 7 });
    expect(c.releases.requiredEvidence).toEqual({
      production: {
        default: [
          'sbom',
          'provenance',
          'signature',
          'scanResults',
          'gateDecision',
          'approver',
        ],
      },
    });
    expect(c.releases.allowedBuilders).toEqual([]);
  });

  it('reads maps keyed by tier number (which Backstage config keys refuse)', () => {
    const c = read({
      exceptions: { maxDays: { 1: 30, default: 120 } },
      secrets: { rotationSlaDays: { '1': 1, '3': 30 } },
      releases: {
        requiredEvidence: {
          staging: ['gateDecision'],
          production: { '1': ['sbom', 'provenance'], default: ['approver'] },
        },
        allowedBuilders: ['https://github.com/acme/*'],
      },
    });
    expect(c.exceptions.maxDaysByTier).toEqual({
      '1': 30,
      '2': 180,
      '3': 365,
      default: 120,
    });
    expect(c.secrets.rotationSlaDaysByTier).toEqual({
      '1': 1,
      '3': 30,
      default: 7,
    });
    expect(c.releases.requiredEvidence).toEqual({
      staging: { default: ['gateDecision'] },
      production: { '1': ['sbom', 'provenance'], default: ['approver'] },
    });
  });

  it.each([
    [
      { exceptions: { maxDays: { 1: 0 } } },
      /aspm\.exceptions\.maxDays\.1 must be a whole number of days 1\.\.3650, got 0/,
    ],
    [
      { exceptions: { maxDays: { gold: 10 } } },
      /keys must be tiers 1, 2, 3 or default, got gold/,
    ],
    [
      { secrets: { rotationSlaDays: { 1: 2.5 } } },
      /rotationSlaDays\.1 must be a whole number/,
    ],
    [
      { releases: { requiredEvidence: { production: ['sbom', 'sbomm'] } } },
      /requiredEvidence\.production must be a list of sbom, provenance/,
    ],
    [
      { releases: { requiredEvidence: { production: { gold: ['sbom'] } } } },
      /keys must be tiers 1, 2, 3 or default, got gold/,
    ],
  ])('refuses %j', (aspm, message) => {
    expect(() => read(aspm)).toThrow(message);
  });
});
