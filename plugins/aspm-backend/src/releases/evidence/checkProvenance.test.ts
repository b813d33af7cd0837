import fs from 'node:fs';
import path from 'node:path';
import type { ProvenanceSummary } from '@aspm/plugin-aspm-common';
import { realFixturesDir } from '../../__testUtils__/sharedFixtures';
import { checkProvenance } from './checkProvenance';
import { parseProvenance } from './parseProvenance';

const A = '262ab47cc3f1b8d1c90a2aaa6c218bf44e2b169abdba4b158c38c6a5d5d958b4';
const B = 'e69c4e06418e62113a995aa9573099c5a8f715dedc3943f70f1163f665ad889a';
const OTHER = '0123456789abcdef'.repeat(4);
const BUILDER = 'https://ci.example.org/builders/trusted@v2';

const provenance = (
  over: Partial<ProvenanceSummary> = {},
): ProvenanceSummary => ({
  envelope: 'dsse',
  statementType: 'https://in-toto.io/Statement/v1',
  predicateType: 'https://slsa.dev/provenance/v1',
  subjects: [
    { name: 'app.tgz', digest: { sha256: A } },
    { name: 'app.sums', digest: { sha256: B, sha512: 'ab'.repeat(64) } },
  ],
  builderId: BUILDER,
  signatureCount: 1,
  ...over,
});

describe('checkProvenance, artifact digest', () => {
  it('is met when some subject carries the digest, hex in any case', () => {
    expect(
      checkProvenance(provenance(), {
        artifactDigest: `sha256:${B}`,
        allowedBuilders: [],
      }),
    ).toEqual({ status: 'met' });
    expect(
      checkProvenance(provenance(), {
        artifactDigest: `SHA256:${A.toUpperCase()}`,
        allowedBuilders: [],
      }),
    ).toEqual({ status: 'met' });
    expect(
      checkProvenance(provenance(), {
        artifactDigest: `sha512:${'AB'.repeat(64)}`,
        allowedBuilders: [],
      }),
    ).toEqual({ status: 'met' });
  });

  it('names the subject digests and the artifact digest when none matches', () => {
    expect(
      checkProvenance(provenance({ subjects: [provenance().subjects[0]] }), {
        artifactDigest: `sha256:${OTHER}`,
        allowedBuilders: [],
      }),
    ).toEqual({
      status: 'invalid',
      reason:
        'subject digest sha256:262ab47cc3f1… does not match the release artifact sha256:0123456789ab…',
    });
    expect(
      checkProvenance(provenance(), {
        artifactDigest: `sha256:${OTHER}`,
        allowedBuilders: [],
      }).reason,
    ).toBe(
      'subject digests sha256:262ab47cc3f1…, sha256:e69c4e06418e…, sha512:abababababab… do not match the release artifact sha256:0123456789ab…',
    );
  });

  it('does not match a digest under another algorithm', () => {
    expect(
      checkProvenance(
        provenance({ subjects: [{ name: 'a', digest: { sha256: A } }] }),
        {
          artifactDigest: `sha384:${A}`,
          allowedBuilders: [],
        },
      ).reason,
    ).toBe(
      'no subject has a sha384 digest to match the release artifact sha384:262ab47cc3f1… (subject digest sha256:262ab47cc3f1…)',
    );
  });

  it('needs a well-formed artifact digest', () => {
    for (const artifactDigest of [undefined, '', '  ']) {
      expect(
        checkProvenance(provenance(), { artifactDigest, allowedBuilders: [] }),
      ).toEqual({
        status: 'invalid',
        reason: 'the release has no artifact digest to match',
      });
    }
    expect(
      checkProvenance(provenance(), { artifactDigest: A, allowedBuilders: [] })
        .reason,
    ).toBe(
      `the release artifact digest "${A}" is not of the form <algorithm>:<hex>`,
    );
    expect(
      checkProvenance(provenance(), {
        artifactDigest: 'sha256:xyz',
        allowedBuilders: [],
      }).reason,
    ).toMatch(/is not of the form <algorithm>:<hex>$/);
  });
});

describe('checkProvenance, builders', () => {
  const noBuilder = { builderId: undefined };
  const check = (
    allowedBuilders: string[],
    over: Partial<ProvenanceSummary> = {},
  ) =>
    checkProvenance(provenance(over), {
      artifactDigest: `sha256:${A}`,
      allowedBuilders,
    });

  it('accepts any builder, even none, when no allow-list is configured', () => {
    expect(check([])).toEqual({ status: 'met' });
    expect(check([], noBuilder)).toEqual({ status: 'met' });
  });

  it('matches exactly, or by prefix for entries ending in *', () => {
    expect(check([BUILDER])).toEqual({ status: 'met' });
    expect(
      check(['https://other.example.org', 'https://ci.example.org/builders/*']),
    ).toEqual({
      status: 'met',
    });
    expect(check(['*'])).toEqual({ status: 'met' });
    expect(check(['https://ci.example.org/builders/trusted'])).toEqual({
      status: 'invalid',
      reason: `builder ${BUILDER} is not in the allowed builders (aspm.releases.allowedBuilders)`,
    });
    // only a trailing * is special
    expect(check(['https://ci.example.org/*/trusted@v2']).status).toBe(
      'invalid',
    );
  });

  it('rejects a provenance without builder id when an allow-list is set', () => {
    expect(check([BUILDER], noBuilder)).toEqual({
      status: 'invalid',
      reason: 'no builder id in the provenance',
    });
  });

  it('gives every reason at once', () => {
    expect(
      checkProvenance(provenance(), {
        allowedBuilders: ['https://elsewhere/*'],
      }).reason,
    ).toBe(
      `the release has no artifact digest to match; builder ${BUILDER} is not in the allowed builders (aspm.releases.allowedBuilders)`,
    );
  });
});

const real = realFixturesDir('checkProvenance');
const describeReal = real ? describe : describe.skip;

describeReal('checkProvenance, real SLSA files', () => {
  const read = (file: string) =>
    parseProvenance(fs.readFileSync(path.join(real!, 'slsa', file), 'utf8'));

  const GENERIC_DIGEST =
    'sha256:ec8ff1bb40da2a36e3e9113dd7a5dd452c5125f7013e849519c0754b3c9fda89';
  const GENERIC_ALLOW = [
    'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@*',
  ];
  const RULES_LINT_DIGEST =
    'sha256:1636f443b01c9ee310ee5834956d0dce374c3d3bf8d4cebc9f6b86f8304b4982';

  it('is met for the generic generator DSSE with its subject digest', () => {
    const p = read('slsa-github-generator-generic-v1.2.1.dsse.intoto.jsonl');
    expect(
      checkProvenance(p, {
        artifactDigest: GENERIC_DIGEST,
        allowedBuilders: GENERIC_ALLOW,
      }),
    ).toEqual({ status: 'met' });
  });

  it('is invalid for another artifact, naming both digests', () => {
    const p = read('slsa-github-generator-generic-v1.2.1.dsse.intoto.jsonl');
    const result = checkProvenance(p, {
      artifactDigest: RULES_LINT_DIGEST,
      allowedBuilders: GENERIC_ALLOW,
    });
    expect(result).toEqual({
      status: 'invalid',
      reason:
        'subject digest sha256:ec8ff1bb40da… does not match the release artifact sha256:1636f443b01c…',
    });
  });

  it('is invalid for a builder not on the allow-list', () => {
    const p = read('rules_lint-v1.3.1.sigstore-bundle.json');
    expect(
      checkProvenance(p, {
        artifactDigest: RULES_LINT_DIGEST,
        allowedBuilders: GENERIC_ALLOW,
      }),
    ).toEqual({
      status: 'invalid',
      reason:
        'builder https://github.com/bazel-contrib/.github/.github/workflows/release_ruleset.yaml@refs/tags/v7.1.0 is not in the allowed builders (aspm.releases.allowedBuilders)',
    });
    expect(
      checkProvenance(p, {
        artifactDigest: RULES_LINT_DIGEST,
        allowedBuilders: [
          ...GENERIC_ALLOW,
          'https://github.com/bazel-contrib/.github/*',
        ],
      }),
    ).toEqual({ status: 'met' });
  });
});
