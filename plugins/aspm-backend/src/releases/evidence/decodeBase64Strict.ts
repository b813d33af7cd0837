import { InputError } from '@backstage/errors';

const STANDARD = /^[A-Za-z0-9+/]*$/;
const URL_SAFE = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes base64 (RFC 4648 section 4) or base64url (section 5) text to bytes,
 * rejecting anything `Buffer.from(text, 'base64')` would silently skip or
 * truncate: characters outside the alphabet (including whitespace), padding
 * anywhere but the end, a length that cannot be base64, and a mix of the two
 * alphabets.
 *
 * @param text - the encoded text
 * @param what - names the field in the error, e.g. `provenance: DSSE payload`
 * @throws InputError `<what> is not base64: …`
 */
export function decodeBase64Strict(text: string, what: string): Buffer {
  const fail = (detail: string): never => {
    throw new InputError(`${what} is not base64: ${detail}`);
  };
  if (text.length === 0) fail('it is empty');

  const firstPad = text.indexOf('=');
  const body = firstPad === -1 ? text : text.slice(0, firstPad);
  const padding = firstPad === -1 ? '' : text.slice(firstPad);

  const bad = /[^A-Za-z0-9+/_-]/.exec(body);
  if (bad) {
    fail(`invalid character ${JSON.stringify(bad[0])} at offset ${bad.index}`);
  }
  if (!/^={0,2}$/.test(padding)) {
    fail(`padding "=" is only allowed as the last one or two characters`);
  }
  if (!STANDARD.test(body) && !URL_SAFE.test(body)) {
    fail('it mixes the base64 ("+/") and base64url ("-_") alphabets');
  }
  if (padding.length > 0 && text.length % 4 !== 0) {
    fail(`padded length ${text.length} is not a multiple of 4`);
  }
  if (body.length % 4 === 1) {
    fail(`length ${body.length} cannot be base64 (one character too many)`);
  }
  return Buffer.from(body, URL_SAFE.test(body) ? 'base64url' : 'base64');
}
