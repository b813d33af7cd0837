import {
  containerLow,
  demoIngestions,
  leakedKey,
  leakedKeyEvents,
  log4shell,
  sqlInjection,
} from '../__testUtils__/fixtures';
import {
  categoryLabel,
  describeFindingEvent,
  findingAgeDays,
  findingStateLabel,
  findingWhere,
  findingsSort,
  formatCvss,
  formatDays,
  formatFindingAge,
  ingestCurlCommand,
  ingestionResultLabel,
  ingestionSourceLabel,
  ingestionToolsLabel,
  propertyEntries,
  severityCountLabel,
  severityLabel,
  sortFindingEvents,
} from './findings';
import { NO_VALUE } from './format';

const DAY = 24 * 60 * 60 * 1000;

describe('findingAgeDays', () => {
  const firstSeenAt = '2026-03-01T00:00:00.000Z';
  const start = Date.parse(firstSeenAt);

  it('counts from first seen to now for open findings', () => {
    expect(
      findingAgeDays({ firstSeenAt, state: 'open' }, start + 3 * DAY),
    ).toBe(3);
    expect(
      findingAgeDays({ firstSeenAt, state: 'open' }, start + 36 * 3600 * 1000),
    ).toBe(1.5);
  });

  it('counts up to the fix for fixed findings', () => {
    expect(findingAgeDays(leakedKey, Date.parse('2030-01-01'))).toBe(10.5);
  });

  it('counts to now for a fixed finding without a fix date, and for other states', () => {
    const now = start + 2 * DAY;
    expect(findingAgeDays({ firstSeenAt, state: 'fixed' }, now)).toBe(2);
    expect(
      findingAgeDays(
        { firstSeenAt, state: 'accepted', fixedAt: '2026-03-01T12:00:00Z' },
        now,
      ),
    ).toBe(2);
  });

  it('is never negative, and undefined for invalid dates', () => {
    expect(findingAgeDays({ firstSeenAt, state: 'open' }, start - DAY)).toBe(0);
    expect(
      findingAgeDays({ firstSeenAt: 'yesterday', state: 'open' }, start),
    ).toBeUndefined();
  });
});

describe('formatDays and formatFindingAge', () => {
  it('formats days with one decimal in the locale', () => {
    expect(formatDays(10.5, 'en-US')).toBe('10.5');
    expect(formatDays(3, 'en-US')).toBe('3.0');
    expect(formatDays(0.04, 'en-US')).toBe('0.0');
    expect(formatDays(1234.56, 'en-US')).toBe('1,234.6');
    expect(formatDays(10.5, 'de-DE')).toBe('10,5');
    expect(formatDays(undefined)).toBe(NO_VALUE);
    expect(formatDays(NaN)).toBe(NO_VALUE);
  });

  it('formats the age of a finding', () => {
    expect(formatFindingAge(leakedKey, Date.now(), 'en-US')).toBe('10.5');
    expect(
      formatFindingAge(
        log4shell,
        Date.parse(log4shell.firstSeenAt) + 7.25 * DAY,
        'en-US',
      ),
    ).toBe('7.3');
  });
});

describe('labels', () => {
  it('labels severities, states and categories', () => {
    expect(severityLabel('critical')).toBe('Critical');
    expect(severityLabel('info')).toBe('Info');
    expect(findingStateLabel('false_positive')).toBe('False positive');
    expect(findingStateLabel('accepted')).toBe('Risk accepted');
    expect(categoryLabel('iac')).toBe('IaC');
    expect(categoryLabel('dependency')).toBe('Dependency');
  });

  it('labels severity counts', () => {
    expect(severityCountLabel('critical', 1)).toBe('Critical: 1 open finding');
    expect(severityCountLabel('low', 1200, 'en-US')).toBe(
      'Low: 1,200 open findings',
    );
    expect(severityCountLabel('info', 0)).toBe('Info: 0 open findings');
  });

  it('formats CVSS scores', () => {
    expect(formatCvss(10)).toBe('10.0');
    expect(formatCvss(7.45)).toBe('7.5');
    expect(formatCvss(undefined)).toBe(NO_VALUE);
  });
});

describe('findingWhere', () => {
  it('gives path:line for code', () => {
    expect(findingWhere(sqlInjection)).toEqual({
      primary: 'src/db/queries.ts:42',
    });
    expect(findingWhere({ location: { path: 'Dockerfile' } })).toEqual({
      primary: 'Dockerfile',
    });
  });

  it('gives package@version and the manifest for packages', () => {
    expect(findingWhere(log4shell)).toEqual({
      primary: 'org.apache.logging.log4j:log4j-core@2.14.1',
      secondary: 'pom.xml',
    });
    expect(findingWhere(containerLow).secondary).toBe(
      'ghcr.io/acme/payments-api:1.4.2 (alpine 3.19)',
    );
    expect(findingWhere({ package: { name: 'lodash' } })).toEqual({
      primary: 'lodash',
    });
  });

  it('gives a dash when neither is known', () => {
    expect(findingWhere({})).toEqual({ primary: NO_VALUE });
  });
});

describe('finding events', () => {
  it('describes events with from and to', () => {
    expect(describeFindingEvent(leakedKeyEvents[1])).toEqual({
      label: 'Severity changed',
      change: 'Medium → High',
    });
    expect(describeFindingEvent(leakedKeyEvents[2])).toEqual({
      label: 'Fixed',
      change: 'Open → Fixed',
    });
    expect(
      describeFindingEvent({
        type: 'suppressed',
        at: '2026-03-01T00:00:00Z',
        to: 'false_positive',
      }),
    ).toEqual({ label: 'Suppressed', change: '→ False positive' });
    expect(
      describeFindingEvent({
        type: 'unsuppressed',
        at: '2026-03-01T00:00:00Z',
        from: 'custom',
      }),
    ).toEqual({ label: 'Unsuppressed', change: 'custom →' });
    expect(
      describeFindingEvent({ type: 'opened', at: '2026-03-01T00:00:00Z' }),
    ).toEqual({ label: 'Opened' });
  });

  it('sorts events oldest first, keeping the order of equal times', () => {
    const a = { type: 'opened' as const, at: '2026-03-02T00:00:00Z' };
    const b = { type: 'fixed' as const, at: '2026-03-01T00:00:00Z' };
    const c = { type: 'reopened' as const, at: '2026-03-01T00:00:00Z' };
    expect(sortFindingEvents([a, b, c])).toEqual([b, c, a]);
    expect(sortFindingEvents(leakedKeyEvents)).toEqual(leakedKeyEvents);
  });
});

describe('propertyEntries', () => {
  it('turns tool properties into plain text', () => {
    expect(
      propertyEntries({
        message: 'Use <b>parameters</b>',
        precision: 0.9,
        fixable: false,
        tags: ['security', 'sql'],
        empty: '',
        none: null,
        noTags: [],
        nested: { a: 1 },
      }),
    ).toEqual([
      ['message', 'Use <b>parameters</b>'],
      ['precision', '0.9'],
      ['fixable', 'false'],
      ['tags', 'security, sql'],
      ['nested', '{\n  "a": 1\n}'],
    ]);
    expect(propertyEntries(undefined)).toEqual([]);
  });
});

describe('ingestCurlCommand', () => {
  it('builds the push command for an entity', () => {
    expect(
      ingestCurlCommand(
        'https://backstage.acme.com/',
        'component:default/payments-api',
      ),
    ).toBe(
      'curl -X POST -H "Authorization: Bearer $ASPM_TOKEN" --data-binary @results.sarif "https://backstage.acme.com/api/aspm/ingest?entityRef=component:default/payments-api"',
    );
  });
});

describe('findingsSort', () => {
  it('maps table columns to the API ordering', () => {
    expect(findingsSort('severity', 'asc')).toEqual({
      orderBy: 'severity',
      order: 'asc',
    });
    expect(findingsSort('lastSeenAt', 'desc')).toEqual({
      orderBy: 'lastSeenAt',
      order: 'desc',
    });
    expect(findingsSort('tool', 'asc')).toEqual({
      orderBy: 'tool',
      order: 'asc',
    });
  });

  it('sorts by age as the reverse of first seen', () => {
    expect(findingsSort('age', 'asc')).toEqual({
      orderBy: 'firstSeenAt',
      order: 'desc',
    });
    expect(findingsSort('age', 'desc')).toEqual({
      orderBy: 'firstSeenAt',
      order: 'asc',
    });
  });

  it('falls back to most severe first', () => {
    expect(findingsSort(undefined, 'desc')).toEqual({
      orderBy: 'severity',
      order: 'asc',
    });
    expect(findingsSort('tool', '')).toEqual({
      orderBy: 'severity',
      order: 'asc',
    });
  });
});

describe('ingestions', () => {
  it('labels sources', () => {
    expect(ingestionSourceLabel('push')).toBe('Push');
    expect(ingestionSourceLabel('source:github')).toBe('GitHub');
    expect(ingestionSourceLabel('source:defectdojo')).toBe('DefectDojo');
    expect(ingestionSourceLabel('source:jira')).toBe('jira');
  });

  it('lists tools once each', () => {
    expect(ingestionToolsLabel(demoIngestions[0].tools)).toBe(
      'trivy 0.50.1, semgrep 1.60.0',
    );
    expect(
      ingestionToolsLabel([
        { name: 'trivy', runKey: 'fs' },
        { name: 'trivy', runKey: 'image' },
      ]),
    ).toBe('trivy');
    expect(ingestionToolsLabel(undefined)).toBe(NO_VALUE);
  });

  it('says what an ingestion did', () => {
    expect(ingestionResultLabel(demoIngestions[0], 'en-US')).toBe(
      '2 new · 1 fixed · 3 reopened',
    );
    expect(ingestionResultLabel(demoIngestions[1])).toBe(
      'Failed: Not a SARIF file: runs is missing',
    );
    expect(ingestionResultLabel({ status: 'failed' })).toBe('Failed');
    expect(ingestionResultLabel(demoIngestions[2])).toBe(
      'Same scan as before: nothing changed',
    );
    expect(ingestionResultLabel({ status: 'succeeded' })).toBe('Succeeded');
  });
});
