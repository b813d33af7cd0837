import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { DEFAULT_METRICS_CONFIG, readMetricsConfig } from './readMetricsConfig';

const read = (metrics: JsonValue) =>
  readMetricsConfig(new ConfigReader({ aspm: { metrics } }));

describe('readMetricsConfig', () => {
  it('gives the documented defaults without config', () => {
    expect(readMetricsConfig(new ConfigReader({}))).toEqual(
      DEFAULT_METRICS_CONFIG,
    );
  });

  it('overrides what is set and keeps the rest, tiers as keys', () => {
    const c = read({
      weights: { tier: { '1': 5 }, severity: { critical: 20 } },
      slaDays: { critical: { '1': 3 }, medium: 60 },
      targets: { mttr: { op: '<', value: 7 }, tier1_coverage: 'none' },
      coverage: { controls: ['owner', 'sast'] },
    });
    expect(c.weights.tier).toEqual({ '1': 5, '2': 2, '3': 1, untiered: 2 });
    expect(c.weights.severity.critical).toBe(20);
    expect(c.weights.severity.high).toBe(5);
    expect(c.slaDays.critical).toEqual({
      '1': 3,
      '2': 14,
      '3': 30,
      default: 30,
    });
    expect(c.slaDays.medium).toEqual({ default: 60 });
    expect(c.targets.mttr).toEqual({ op: '<', value: 7 });
    expect(c.targets.tier1_coverage).toBeUndefined();
    expect(c.coverage).toEqual({
      controls: ['owner', 'sast'],
      scanDays: 30,
      releaseDays: 90,
    });
  });

  it('names the path of a wrong key or value', () => {
    expect(() => read({ weights: { tier: { '4': 1 } } })).toThrow(
      /aspm\.metrics\.weights\.tier/,
    );
    expect(() => read({ coverage: { controls: ['dast'] } })).toThrow(
      /aspm\.metrics\.coverage\.controls\.0/,
    );
    expect(() => read({ windowDays: 0 })).toThrow(/aspm\.metrics\.windowDays/);
    expect(() => read({ targets: { uptime: 'none' } })).toThrow(
      /aspm\.metrics\.targets/,
    );
    expect(() => read({ colour: 'red' })).toThrow(/aspm\.metrics/);
  });
});
