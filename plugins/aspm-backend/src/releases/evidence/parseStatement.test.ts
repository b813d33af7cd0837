import { InputError } from '@backstage/errors';
import { parseStatement } from './parseStatement';

const v1 = (over: Record<string, unknown> = {}) => ({
  _type: 'https://in-toto.io/Statement/v1',
  subject: [{ name: 'app.tgz', digest: { sha256: 'ab'.repeat(32) } }],
  predicateType: 'https://slsa.dev/provenance/v1',
  predicate: {
    buildDefinition: { buildType: 'https://example.org/bt/v1' },
    runDetails: { builder: { id: 'https://example.org/builder@v1' } },
  },
  ...over,
});

describe('parseStatement', () => {
  it('reads a v1 statement with SLSA v1 provenance', () => {
    expect(parseStatement(v1())).toEqual({
      statementType: 'https://in-toto.io/Statement/v1',
      predicateType: 'https://slsa.dev/provenance/v1',
      subjects: [{ name: 'app.tgz', digest: { sha256: 'ab'.repeat(32) } }],
      builderId: 'https://example.org/builder@v1',
      buildType: 'https://example.org/bt/v1',
    });
  });

  it('reads a v0.1 statement with SLSA v0.2 provenance', () => {
    const facts = parseStatement({
      _type: 'https://in-toto.io/Statement/v0.1',
      predicateType: 'https://slsa.dev/provenance/v0.2',
      subject: [{ name: 'bin', digest: { sha512: 'cd'.repeat(64) } }],
      predicate: {
        builder: { id: 'https://example.org/old-builder' },
        buildType: 'https://example.org/old-bt',
      },
    });
    expect(facts.builderId).toBe('https://example.org/old-builder');
    expect(facts.buildType).toBe('https://example.org/old-bt');
    expect(facts.subjects[0].digest).toEqual({ sha512: 'cd'.repeat(64) });
  });

  it('tolerates a missing predicate and subject name', () => {
    const facts = parseStatement(
      v1({ predicate: undefined, subject: [{ digest: { sha256: 'ef' } }] }),
    );
    expect(facts.builderId).toBeUndefined();
    expect(facts.buildType).toBeUndefined();
    expect(facts.subjects).toEqual([{ name: '', digest: { sha256: 'ef' } }]);
  });

  it('says what is wrong', () => {
    expect(() => parseStatement('x')).toThrow(
      new InputError(
        'provenance: statement is not an in-toto Statement (expected a JSON object, got a string)',
      ),
    );
    expect(() =>
      parseStatement(v1({ _type: undefined }), 'DSSE payload'),
    ).toThrow(
      'provenance: DSSE payload is not an in-toto Statement (_type is missing, expected https://in-toto.io/Statement/v0.1 or https://in-toto.io/Statement/v1)',
    );
    expect(() =>
      parseStatement(v1({ _type: 'https://in-toto.io/Statement/v2' })),
    ).toThrow(/_type is "https:\/\/in-toto.io\/Statement\/v2"/);
    expect(() => parseStatement(v1({ predicateType: '' }))).toThrow(
      'provenance: statement has no predicateType',
    );
    expect(() => parseStatement(v1({ subject: undefined }))).toThrow(
      'provenance: statement has no subject',
    );
    expect(() => parseStatement(v1({ subject: [] }))).toThrow(
      'provenance: statement has no subjects (subject is empty)',
    );
    expect(() => parseStatement(v1({ subject: { name: 'a' } }))).toThrow(
      'provenance: statement subject is an object, expected an array of subjects',
    );
    expect(() => parseStatement(v1({ subject: [{ name: 'a' }] }))).toThrow(
      'provenance: statement subject[0] has no digest',
    );
    expect(() =>
      parseStatement(v1({ subject: [{ name: 'a', digest: {} }] })),
    ).toThrow('provenance: statement subject[0] has an empty digest');
    expect(() =>
      parseStatement(v1({ subject: [{ name: 'a', digest: { sha256: 1 } }] })),
    ).toThrow(
      'provenance: statement subject[0].digest.sha256 is a number, expected a hex string',
    );
    expect(() =>
      parseStatement(v1({ subject: [{ name: 7, digest: { sha256: 'ab' } }] })),
    ).toThrow(
      'provenance: statement subject[0].name is a number, expected a string',
    );
  });
});
