import fs from 'node:fs';
import path from 'node:path';
import { parseSarif } from './sarif';
import { parseSarifStream, STREAM_THRESHOLD_BYTES } from './streamSarif';
import { parseScanBodyAsync } from './parseScan';
import { realFixturesDir } from '../../__testUtils__/sharedFixtures';

const own = path.join(__dirname, '__fixtures__');

function sarifFilesIn(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap(e => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) return sarifFilesIn(dir, rel);
      return /\.sarif(\.json)?$/.test(rel) ? [rel] : [];
    });
}

const read = (file: string) =>
  fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');

describe('parseSarifStream', () => {
  it.each(sarifFilesIn(own).filter(f => !/wrong-version|no-runs/.test(f)))(
    'reads %s exactly like the in-memory parser',
    async file => {
      const text = read(path.join(own, file));
      expect(await parseSarifStream(Buffer.from(text))).toEqual(
        parseSarif(JSON.parse(text)),
      );
    },
  );

  it('rejects a wrong version, missing runs and truncated JSON', async () => {
    await expect(
      parseSarifStream(Buffer.from('{"version":"2.0.0","runs":[]}')),
    ).rejects.toThrow(/version must be 2.1.0/);
    await expect(
      parseSarifStream(Buffer.from('{"version":"2.1.0"}')),
    ).rejects.toThrow(/'runs' must be an array/);
    await expect(
      parseSarifStream(
        Buffer.from(
          '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":',
        ),
      ),
    ).rejects.toThrow(/Malformed or truncated JSON/);
  });

  it('streams large uploads and parses small ones in memory, with the same result', async () => {
    const results = Array.from({ length: 8_000 }, (_, i) => ({
      ruleId: `r${i % 7}`,
      level: 'warning',
      message: { text: `finding ${i} ${'x'.repeat(200)}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: `src/f${i}.ts` },
            region: { startLine: 1 + (i % 50) },
          },
        },
      ],
    }));
    const doc = {
      version: '2.1.0',
      runs: [
        {
          results: results.slice(0, 4_000),
          tool: { driver: { name: 'Big', rules: [{ id: 'r1' }] } },
        },
        { tool: { driver: { name: 'Big2' } }, results: results.slice(4_000) },
      ],
    };
    const body = Buffer.from(JSON.stringify(doc));
    expect(body.length).toBeGreaterThan(2 * 1024 * 1024);
    const streamed = await parseScanBodyAsync(body, {
      streamThresholdBytes: 2 * 1024 * 1024,
    });
    expect(streamed.runs.map(r => r.findings.length)).toEqual([4_000, 4_000]);
    expect(STREAM_THRESHOLD_BYTES).toBe(48 * 1024 * 1024);
    expect(streamed).toEqual(parseSarif(doc));
  });
});

const real = realFixturesDir('parseSarifStream (real fixtures)');
(real ? describe : describe.skip)(
  'parseSarifStream on real SARIF files',
  () => {
    const files = real
      ? sarifFilesIn(real).filter(f => !f.includes('backstage-catalog'))
      : [];
    it.each(files)('%s', async file => {
      const text = read(path.join(real!, file));
      expect(await parseSarifStream(Buffer.from(text))).toEqual(
        parseSarif(JSON.parse(text)),
      );
    });
  },
);
