import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { realFixturesDir } from '../../__testUtils__/sharedFixtures';
import { parseProvenance } from './parseProvenance';

const statementText = fs.readFileSync(
  path.join(__dirname, '__fixtures__', 'intoto-v1-statement.json'),
  'utf8',
);
const statement = JSON.parse(statementText);

const dsse = (
  payload: string,
  signatures: unknown[] = [{ keyid: 'k1', sig: 'MEUC' }],
) => ({
  payloadType: 'application/vnd.in-toto+json',
  payload,
  signatures,
});
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const expectedFacts = {
  statementType: 'https://in-toto.io/Statement/v1',
  predicateType: 'https://slsa.dev/provenance/v1',
  subjects: [
    {
      name: 'example-service-1.4.0.tgz',
      digest: {
        sha256:
          '262ab47cc3f1b8d1c90a2aaa6c218bf44e2b169abdba4b158c38c6a5d5d958b4',
      },
    },
    {
      name: 'example-service-1.4.0.sha256sums',
      digest: {
        sha256:
          'e69c4e06418e62113a995aa9573099c5a8f715dedc3943f70f1163f665ad889a',
      },
    },
  ],
  builderId: 'https://ci.example.org/builders/trusted@v2',
  buildType: 'https://example.org/buildtypes/ci-pipeline/v1',
};

describe('parseProvenance, own samples', () => {
  it('reads a bare statement, parsed or as text', () => {
    const expected = {
      envelope: 'statement',
      ...expectedFacts,
      signatureCount: 0,
    };
    expect(parseProvenance(statement)).toEqual(expected);
    expect(parseProvenance(statementText)).toEqual(expected);
  });

  it('reads a DSSE envelope, base64 or base64url, parsed or as JSON Lines', () => {
    const expected = { envelope: 'dsse', ...expectedFacts, signatureCount: 1 };
    const envelope = dsse(b64(statementText));
    expect(parseProvenance(envelope)).toEqual(expected);
    expect(
      parseProvenance(dsse(Buffer.from(statementText).toString('base64url'))),
    ).toEqual(expected);
    // .intoto.jsonl: one envelope per line, the first non-empty one is read
    const jsonl = `\n${JSON.stringify(envelope)}\n${JSON.stringify(
      dsse(b64(JSON.stringify({ ...statement, subject: [] }))),
    )}\n`;
    expect(parseProvenance(jsonl)).toEqual(expected);
  });

  it('counts signatures with a sig only', () => {
    const payload = b64(statementText);
    expect(parseProvenance(dsse(payload, [])).signatureCount).toBe(0);
    expect(
      parseProvenance(
        dsse(payload, [
          { sig: 'a' },
          { sig: '' },
          { keyid: 'x' },
          'y',
          { sig: 'b' },
        ]),
      ).signatureCount,
    ).toBe(2);
  });

  it('reads a Sigstore bundle carrying a DSSE envelope', () => {
    const bundle = {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: {},
      dsseEnvelope: dsse(b64(statementText), [
        { sig: 'MEUC' },
        { sig: 'MEYC' },
      ]),
    };
    expect(parseProvenance(bundle)).toEqual({
      envelope: 'sigstore-bundle',
      ...expectedFacts,
      signatureCount: 2,
    });
    expect(
      parseProvenance({
        ...bundle,
        mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
      }).envelope,
    ).toBe('sigstore-bundle');
  });
});

describe('parseProvenance, errors', () => {
  it('rejects text that is not JSON', () => {
    expect(() => parseProvenance('this is not json')).toThrow(
      /^provenance: not JSON: Unexpected token/,
    );
    // pretty-printed but broken: neither JSON nor JSON Lines
    expect(() => parseProvenance('{\n  "a": "b",\n}')).toThrow(
      /^provenance: not JSON: /,
    );
    expect(() => parseProvenance('  \n ')).toThrow(
      new InputError('provenance: empty document'),
    );
    expect(() => parseProvenance('"a string"')).toThrow(
      'provenance: expected a JSON object, got a string',
    );
    expect(() => parseProvenance(undefined)).toThrow(
      'provenance: expected a JSON object, got undefined',
    );
  });

  it('rejects a DSSE payload that is not base64', () => {
    expect(() => parseProvenance(dsse('!!!notbase64'))).toThrow(
      new InputError(
        'provenance: DSSE payload is not base64: invalid character "!" at offset 0',
      ),
    );
    expect(() => parseProvenance(dsse(`${b64(statementText)}\n`))).toThrow(
      /^provenance: DSSE payload is not base64/,
    );
  });

  it('rejects a DSSE payload that is not a JSON Statement', () => {
    expect(() => parseProvenance(dsse(b64('not json')))).toThrow(
      /^provenance: DSSE payload is not JSON: /,
    );
    expect(() => parseProvenance(dsse(b64('{"hello":"world"}')))).toThrow(
      'provenance: DSSE payload is not an in-toto Statement (_type is missing',
    );
    const noSubject = { ...statement, subject: undefined };
    expect(() => parseProvenance(dsse(b64(JSON.stringify(noSubject))))).toThrow(
      'provenance: DSSE payload has no subject',
    );
  });

  it('rejects a bare statement without subject', () => {
    expect(() => parseProvenance({ ...statement, subject: undefined })).toThrow(
      new InputError('provenance: statement has no subject'),
    );
  });

  it('rejects malformed envelopes and bundles', () => {
    expect(() =>
      parseProvenance({
        ...dsse(b64(statementText)),
        payloadType: 'text/plain',
      }),
    ).toThrow(
      'provenance: DSSE payloadType is "text/plain", expected application/vnd.in-toto+json',
    );
    expect(() => parseProvenance(dsse(42 as unknown as string))).toThrow(
      'provenance: DSSE payload is a number, expected base64 text',
    );
    expect(() =>
      parseProvenance({ ...dsse(b64(statementText)), signatures: undefined }),
    ).toThrow('provenance: DSSE signatures is undefined, expected an array');
    expect(() =>
      parseProvenance({
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        messageSignature: {},
      }),
    ).toThrow(/^provenance: Sigstore bundle has no dsseEnvelope/);
    expect(() => parseProvenance({ mediaType: 'application/json' })).toThrow(
      /^provenance: unknown mediaType "application\/json"/,
    );
    expect(() => parseProvenance({ bomFormat: 'CycloneDX' })).toThrow(
      /^provenance: unknown format/,
    );
  });
});

const real = realFixturesDir('parseProvenance');
const describeReal = real ? describe : describe.skip;

describeReal('parseProvenance, real SLSA files', () => {
  const read = (file: string) =>
    fs.readFileSync(path.join(real!, 'slsa', file), 'utf8');

  const generic = {
    statementType: 'https://in-toto.io/Statement/v0.1',
    predicateType: 'https://slsa.dev/provenance/v0.2',
    subjects: [
      {
        name: 'binary-linux-amd64-workflow_dispatch',
        digest: {
          sha256:
            'ec8ff1bb40da2a36e3e9113dd7a5dd452c5125f7013e849519c0754b3c9fda89',
        },
      },
    ],
    builderId:
      'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v1.2.1',
    buildType:
      'https://github.com/slsa-framework/slsa-github-generator/generic@v1',
  };
  const rulesLint = {
    statementType: 'https://in-toto.io/Statement/v1',
    predicateType: 'https://slsa.dev/provenance/v1',
    subjects: [
      {
        name: 'rules_lint-v1.3.1.tar.gz',
        digest: {
          sha256:
            '1636f443b01c9ee310ee5834956d0dce374c3d3bf8d4cebc9f6b86f8304b4982',
        },
      },
    ],
    builderId:
      'https://github.com/bazel-contrib/.github/.github/workflows/release_ruleset.yaml@refs/tags/v7.1.0',
    buildType: 'https://actions.github.io/buildtypes/workflow/v1',
  };

  it('reads the slsa-github-generator DSSE .intoto.jsonl (SLSA v0.2)', () => {
    expect(
      parseProvenance(
        read('slsa-github-generator-generic-v1.2.1.dsse.intoto.jsonl'),
      ),
    ).toEqual({ envelope: 'dsse', ...generic, signatureCount: 1 });
  });

  it('reads the generic generator decoded .statement to the same subjects', () => {
    const envelope = parseProvenance(
      read('slsa-github-generator-generic-v1.2.1.dsse.intoto.jsonl'),
    );
    const bare = parseProvenance(
      read('slsa-github-generator-generic-v1.2.1.statement.slsa-v0.2.json'),
    );
    expect(bare).toEqual({
      envelope: 'statement',
      ...generic,
      signatureCount: 0,
    });
    expect(bare.subjects).toEqual(envelope.subjects);
  });

  it('reads the rules_lint Sigstore bundle (SLSA v1), as text or parsed', () => {
    const text = read('rules_lint-v1.3.1.sigstore-bundle.json');
    const expected = {
      envelope: 'sigstore-bundle',
      ...rulesLint,
      signatureCount: 1,
    };
    expect(parseProvenance(text)).toEqual(expected);
    expect(parseProvenance(JSON.parse(text))).toEqual(expected);
  });

  it('reads the rules_lint decoded .statement to the same subjects', () => {
    const bundle = parseProvenance(
      read('rules_lint-v1.3.1.sigstore-bundle.json'),
    );
    const bare = parseProvenance(
      read('rules_lint-v1.3.1.statement.slsa-v1.json'),
    );
    expect(bare).toEqual({
      envelope: 'statement',
      ...rulesLint,
      signatureCount: 0,
    });
    expect(bare.subjects).toEqual(bundle.subjects);
  });

  it('reads the bundle’s dsseEnvelope alone as a plain DSSE envelope', () => {
    const bundle = JSON.parse(read('rules_lint-v1.3.1.sigstore-bundle.json'));
    expect(parseProvenance(bundle.dsseEnvelope)).toEqual({
      envelope: 'dsse',
      ...rulesLint,
      signatureCount: 1,
    });
  });
});
