/*
 * An uploaded scan body (bytes or text) to the normalised model: decode,
 * parse the JSON, detect the format (or take the one the caller names), and
 * hand the document to that format's parser.
 */
import { InputError } from '@backstage/errors';
import { ParsedScan, SCAN_FORMATS, ScanFormat } from '@aspm/plugin-aspm-common';
import { detectFormat } from './detectFormat';
import { ScanFormatError } from './errors';
import { parseGitleaks } from './gitleaks';
import { parseGrype } from './grype';
import { parseNpmAudit } from './npmAudit';
import { parseOsvScanner } from './osvScanner';
import { parseSarif } from './sarif';
import { parseSemgrep } from './semgrep';
import { parseSnyk } from './snyk';
import { parseTrivy } from './trivy';
import {
  looksLikeSarif,
  parseSarifStream,
  STREAM_THRESHOLD_BYTES,
} from './streamSarif';

const PARSERS: Record<ScanFormat, (doc: unknown) => ParsedScan> = {
  sarif: parseSarif,
  trivy: parseTrivy,
  grype: parseGrype,
  gitleaks: parseGitleaks,
  semgrep: parseSemgrep,
  'npm-audit': parseNpmAudit,
  'osv-scanner': parseOsvScanner,
  snyk: parseSnyk,
};

/** Options of parseScanBody. */
export interface ParseScanOptions {
  /** Refuse bodies larger than this many bytes (InputError). */
  maxBytes?: number;
  /**
   * The format, when the caller knows it: skips detection (e.g. an old
   * Gitleaks report that is the literal `null`).
   */
  format?: ScanFormat;
}

/** Parses an uploaded scan file. InputError for bad JSON, ScanFormatError (415) for an unknown format. */
export function parseScanBody(
  body: Buffer | string,
  options: ParseScanOptions = {},
): ParsedScan {
  const size =
    typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
  if (options.maxBytes !== undefined && size > options.maxBytes) {
    throw new InputError(
      `Scan file too large: ${size} bytes, the limit is ${options.maxBytes} bytes`,
    );
  }
  const doc = parseJson(decodeBody(body));
  if (options.format !== undefined && !SCAN_FORMATS.includes(options.format)) {
    throw new ScanFormatError(`unknown format '${String(options.format)}'`);
  }
  const format = options.format ?? detectFormat(doc);
  return PARSERS[format](doc);
}

/** A scanner document already parsed from JSON, to the normalised model. */
export function parseScanDocument(doc: unknown): ParsedScan {
  return PARSERS[detectFormat(doc)](doc);
}

/** UTF-8 text of the body, without a byte order mark. */
export function decodeBody(body: Buffer | string): string {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * JSON.parse with an InputError that says the JSON is malformed or
 * truncated, and where (line and column from the SyntaxError's position).
 */
export function parseJson(text: string): unknown {
  if (!text.trim()) {
    throw new InputError('Malformed JSON: the scan file is empty');
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(
      jsonErrorMessage(text, e instanceof Error ? e.message : String(e)),
    );
  }
}

/**
 * "Truncated JSON: ..." when the parser ran off the end of the text, else
 * "Malformed JSON at line L column C (position P): ...". V8's own position
 * suffix is dropped from its message, since ours says the same.
 */
export function jsonErrorMessage(text: string, message: string): string {
  const reason = message
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/, (\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, '');
  const position = errorPosition(text, message);
  const end = text.trimEnd().length;
  if (
    /unexpected end of json input/i.test(message) ||
    (position !== undefined && position >= end)
  ) {
    return `Truncated JSON: the scan file ends early (after ${end} characters): ${reason}`;
  }
  if (position === undefined) return `Malformed JSON: ${reason}`;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `Malformed JSON at line ${line} column ${column} (position ${position}): ${reason}`;
}

/**
 * Where the SyntaxError points: "at position N", or, for V8's "Unexpected
 * token 'x', ..."context"... is not valid JSON", from the context it quotes
 * (10 characters either side of the token, "..." where it was cut).
 */
function errorPosition(text: string, message: string): number | undefined {
  const at = message.match(/at position (\d+)/);
  if (at) return Number(at[1]);
  const quoted = message.match(
    /^Unexpected token .*?, (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/,
  );
  if (!quoted) return undefined;
  const [, cutBefore, context, cutAfter] = quoted;
  if (cutBefore) {
    const start = text.indexOf(context);
    return start < 0 ? undefined : start + 10;
  }
  return cutAfter ? context.length - 10 : undefined;
}

/**
 * Like {@link parseScanBody}, but a large SARIF upload (48 MiB or more) is
 * parsed as a stream, so memory stays bounded by the findings, not by the
 * document tree.
 */
export async function parseScanBodyAsync(
  body: Buffer,
  options: { streamThresholdBytes?: number } = {},
): Promise<ParsedScan> {
  const threshold = options.streamThresholdBytes ?? STREAM_THRESHOLD_BYTES;
  if (body.length >= threshold && looksLikeSarif(body)) {
    const bom = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
    return parseSarifStream(bom ? body.subarray(3) : body);
  }
  return parseScanBody(body);
}
