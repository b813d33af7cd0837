import { InputError } from '@backstage/errors';
import type { ProvenanceSummary } from '@aspm/plugin-aspm-common';
import { decodeBase64Strict } from './decodeBase64Strict';
import { describeJsonType, isJsonObject, JsonObject } from './isJsonObject';
import { parseStatement } from './parseStatement';

/** The DSSE payload type of an in-toto Statement. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

const SIGSTORE_BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle';

/**
 * Reads a provenance document into a {@link ProvenanceSummary}.
 *
 * Accepts, as text (JSON, or a `.intoto.jsonl` file whose first non-empty
 * line is read) or as already-parsed JSON:
 *
 * - a bare in-toto Statement (`_type` `https://in-toto.io/Statement/v0.1` or
 *   `/v1`): envelope `statement`, no signatures;
 * - a DSSE envelope (`payloadType`, base64 or base64url `payload`,
 *   `signatures`) whose payload is a Statement: envelope `dsse`;
 * - a Sigstore bundle (`mediaType` `application/vnd.dev.sigstore.bundle…`)
 *   carrying such an envelope in `dsseEnvelope`: envelope `sigstore-bundle`.
 *
 * Signatures are counted, not verified: `signatureCount` is the number of
 * envelope signatures with a non-empty `sig`.
 *
 * @throws InputError naming what is wrong, e.g. `provenance: not JSON: …`,
 *   `provenance: DSSE payload is not base64: …`,
 *   `provenance: statement has no subject`
 */
export function parseProvenance(input: string | unknown): ProvenanceSummary {
  const doc = typeof input === 'string' ? parseJsonText(input) : input;
  if (!isJsonObject(doc)) {
    throw new InputError(
      `provenance: expected a JSON object, got ${describeJsonType(doc)}`,
    );
  }

  if (typeof doc.mediaType === 'string') {
    if (!doc.mediaType.startsWith(SIGSTORE_BUNDLE_MEDIA_TYPE)) {
      throw new InputError(
        `provenance: unknown mediaType ${JSON.stringify(
          doc.mediaType,
        )} (expected ${SIGSTORE_BUNDLE_MEDIA_TYPE}…)`,
      );
    }
    if (!isJsonObject(doc.dsseEnvelope)) {
      throw new InputError(
        'provenance: Sigstore bundle has no dsseEnvelope (a message-signature bundle carries no in-toto statement)',
      );
    }
    return { envelope: 'sigstore-bundle', ...readEnvelope(doc.dsseEnvelope) };
  }
  if ('payload' in doc || 'payloadType' in doc) {
    return { envelope: 'dsse', ...readEnvelope(doc) };
  }
  if ('_type' in doc) {
    return { envelope: 'statement', ...parseStatement(doc), signatureCount: 0 };
  }
  throw new InputError(
    'provenance: unknown format (expected an in-toto Statement with _type, a DSSE envelope with payloadType and payload, or a Sigstore bundle with mediaType application/vnd.dev.sigstore.bundle…)',
  );
}

/** JSON text, or JSON Lines: the first non-empty line. */
function parseJsonText(text: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.length === 0) throw new InputError('provenance: empty document');
  try {
    return JSON.parse(trimmed);
  } catch (whole) {
    const firstLine = trimmed.split(/\r?\n/, 1)[0];
    if (firstLine !== trimmed) {
      try {
        return JSON.parse(firstLine);
      } catch {
        // neither JSON nor JSON Lines: report the error in the whole text
      }
    }
    const message = whole instanceof Error ? whole.message : String(whole);
    throw new InputError(`provenance: not JSON: ${message}`);
  }
}

function readEnvelope(
  envelope: JsonObject,
): Omit<ProvenanceSummary, 'envelope'> {
  const { payloadType, payload, signatures } = envelope;
  if (payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new InputError(
      `provenance: DSSE payloadType is ${
        payloadType === undefined ? 'missing' : JSON.stringify(payloadType)
      }, expected ${IN_TOTO_PAYLOAD_TYPE}`,
    );
  }
  if (typeof payload !== 'string') {
    throw new InputError(
      `provenance: DSSE payload is ${describeJsonType(
        payload,
      )}, expected base64 text`,
    );
  }
  if (!Array.isArray(signatures)) {
    throw new InputError(
      `provenance: DSSE signatures is ${describeJsonType(
        signatures,
      )}, expected an array`,
    );
  }
  const bytes = decodeBase64Strict(payload, 'provenance: DSSE payload');
  let statement: unknown;
  try {
    statement = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`provenance: DSSE payload is not JSON: ${message}`);
  }
  return {
    ...parseStatement(statement, 'DSSE payload'),
    signatureCount: signatures.filter(
      s => isJsonObject(s) && typeof s.sig === 'string' && s.sig.length > 0,
    ).length,
  };
}
