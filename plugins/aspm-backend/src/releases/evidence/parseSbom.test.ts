import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { realFixturesDir } from '../../__testUtils__/sharedFixtures';
import { parseSbom } from './parseSbom';

const readJson = (file: string): unknown =>
  JSON.parse(fs.readFileSync(file, 'utf8'));
const fixture = (name: string) =>
  readJson(path.join(__dirname, '__fixtures__', name));

describe('parseSbom, CycloneDX', () => {
  it('reads a 1.5 BOM: nested components, tools object form', () => {
    expect(parseSbom(fixture('cyclonedx-1.5-nested.json'))).toEqual({
      format: 'cyclonedx',
      specVersion: '1.5',
      // left-pad, web-kit > (web-kit-core > web-kit-json, web-kit-http);
      // metadata.component and its children describe the subject: not counted
      componentCount: 5,
      createdAt: '2025-02-14T09:30:00Z',
      tool: 'example-sbom-gen 3.1.0',
    });
  });

  it('reads the 1.2-1.4 tools array form, vendor when there is no name', () => {
    const bom = (tools: unknown) =>
      parseSbom({
        bomFormat: 'CycloneDX',
        specVersion: '1.4',
        metadata: { tools },
      });
    expect(
      bom([{ vendor: 'acme', name: 'scanner', version: '1.0' }]).tool,
    ).toBe('scanner 1.0');
    expect(bom([{ vendor: 'acme' }]).tool).toBe('acme');
    expect(bom([]).tool).toBeUndefined();
    expect(bom({ services: [{ name: 'sbom-api', version: 'v2' }] }).tool).toBe(
      'sbom-api v2',
    );
  });

  it('counts no components when there are none, omits unknown facts', () => {
    expect(parseSbom({ bomFormat: 'CycloneDX', specVersion: '1.6' })).toEqual({
      format: 'cyclonedx',
      specVersion: '1.6',
      componentCount: 0,
    });
    expect(
      parseSbom({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        metadata: { timestamp: 'yesterday' },
      }).createdAt,
    ).toBeUndefined();
  });

  it('counts deeply nested components without recursion', () => {
    let nested: Record<string, unknown> = { name: 'leaf' };
    for (let i = 0; i < 20000; i++)
      nested = { name: `c${i}`, components: [nested] };
    expect(
      parseSbom({
        bomFormat: 'CycloneDX',
        specVersion: '1.5',
        components: [nested],
      }).componentCount,
    ).toBe(20001);
  });

  it('rejects a CycloneDX BOM without specVersion or with bad components', () => {
    expect(() => parseSbom({ bomFormat: 'CycloneDX' })).toThrow(
      new InputError('sbom: CycloneDX document has no specVersion'),
    );
    expect(() =>
      parseSbom({ bomFormat: 'CycloneDX', specVersion: '1.5', components: {} }),
    ).toThrow('sbom: components is an object, expected an array');
    expect(() =>
      parseSbom({
        bomFormat: 'CycloneDX',
        specVersion: '1.5',
        components: [{ name: 'a', components: [{}, 'b'] }],
      }),
    ).toThrow(
      'sbom: components[0].components[1] is a string, expected an object',
    );
  });
});

describe('parseSbom, SPDX', () => {
  it('reads an SPDX 2.3 document', () => {
    expect(parseSbom(fixture('spdx-2.3.json'))).toEqual({
      format: 'spdx',
      specVersion: '2.3',
      componentCount: 3,
      createdAt: '2025-02-14T09:31:00Z',
      tool: 'example-spdx-gen-0.9.2',
    });
  });

  it('reads SPDX 2.2 without packages or tool creator', () => {
    expect(
      parseSbom({
        spdxVersion: 'SPDX-2.2',
        creationInfo: { creators: ['Person: Jane Doe'] },
      }),
    ).toEqual({ format: 'spdx', specVersion: '2.2', componentCount: 0 });
  });

  it('rejects other SPDX versions and bad packages', () => {
    expect(() => parseSbom({ spdxVersion: 'SPDX-3.0' })).toThrow(
      /^sbom: unknown format .*: spdxVersion is "SPDX-3.0"$/,
    );
    expect(() =>
      parseSbom({
        '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
      }),
    ).toThrow(/SPDX 3 JSON-LD/);
    expect(() =>
      parseSbom({ spdxVersion: 'SPDX-2.3', packages: 'many' }),
    ).toThrow('sbom: SPDX packages is a string, expected an array');
  });
});

describe('parseSbom, unknown formats', () => {
  const unknown =
    'sbom: unknown format (expected CycloneDX JSON with bomFormat "CycloneDX" or SPDX JSON with spdxVersion "SPDX-2.x")';

  it('rejects other JSON with InputError', () => {
    expect(() => parseSbom({ SchemaVersion: 2, Results: [] })).toThrow(
      new InputError(unknown),
    );
    expect(() =>
      parseSbom({ bomFormat: 'cyclonedx', specVersion: '1.5' }),
    ).toThrow(InputError);
  });

  it('rejects non-objects and XML text', () => {
    expect(() => parseSbom(null)).toThrow(`${unknown}: got null`);
    expect(() => parseSbom([])).toThrow(`${unknown}: got an array`);
    expect(() => parseSbom(42)).toThrow(`${unknown}: got a number`);
    expect(() =>
      parseSbom(
        '<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.5"/>',
      ),
    ).toThrow(`${unknown}: got XML text; only the JSON formats are read`);
    expect(() => parseSbom('{"bomFormat":"CycloneDX"}')).toThrow(InputError);
  });
});

const real = realFixturesDir('parseSbom');
const describeReal = real ? describe : describe.skip;

describeReal('parseSbom, real CycloneDX files', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    [
      'cern-lhc-vdm-editor.cdx-1.2.json',
      {
        specVersion: '1.2',
        componentCount: 43,
        createdAt: '2020-08-03T01:28:52.765Z',
        tool: 'Node.js module 2.0.0',
      },
    ],
    [
      'grype-0.41.0-log4j.cdx.json',
      {
        specVersion: '1.4',
        componentCount: 1,
        createdAt: '2022-07-22T09:45:32+01:00',
        tool: 'grype 0.41.0',
      },
    ],
    [
      'laravel-7.12.0.cdx-1.4.json',
      {
        specVersion: '1.4',
        componentCount: 62,
        tool: 'cyclonedx-php-composer in-dev',
      },
    ],
    [
      'trivy-npm.cdx.json',
      {
        specVersion: '1.7',
        componentCount: 13,
        createdAt: '2021-08-25T12:20:30+00:00',
        tool: 'trivy dev',
      },
    ],
    [
      'vex-cisa-case2.cdx-1.4.json',
      {
        specVersion: '1.4',
        componentCount: 0,
        createdAt: '2022-03-03T00:00:00Z',
      },
    ],
    [
      'vex-example-bom.cdx-1.3.json',
      {
        specVersion: '1.3',
        componentCount: 3,
        createdAt: '2022-01-11T02:55:27Z',
        tool: 'CycloneDX Maven plugin 2.5.3',
      },
    ],
    ['vex-example.cdx-1.4.json', { specVersion: '1.4', componentCount: 0 }],
  ];

  it.each(cases)('reads %s', (file, expected) => {
    expect(parseSbom(readJson(path.join(real!, 'cyclonedx', file)))).toEqual({
      format: 'cyclonedx',
      ...expected,
    });
  });
});
