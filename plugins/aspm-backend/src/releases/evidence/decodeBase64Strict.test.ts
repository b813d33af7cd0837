import { InputError } from '@backstage/errors';
import { decodeBase64Strict } from './decodeBase64Strict';

const decode = (text: string) => decodeBase64Strict(text, 'x').toString('utf8');

describe('decodeBase64Strict', () => {
  it('decodes base64 with and without padding', () => {
    expect(decode('aGVsbG8=')).toBe('hello');
    expect(decode('aGVsbG8')).toBe('hello');
    expect(decode('aGk=')).toBe('hi');
    expect(decode('aGk')).toBe('hi');
    expect(decode('aGV5')).toBe('hey');
  });

  it('decodes base64url', () => {
    const bytes = Buffer.from([0xfb, 0xff, 0xbf, 0xfe]);
    expect(decodeBase64Strict(bytes.toString('base64url'), 'x')).toEqual(bytes);
    expect(decodeBase64Strict(bytes.toString('base64'), 'x')).toEqual(bytes);
    expect(bytes.toString('base64')).toBe('+/+//g==');
    expect(bytes.toString('base64url')).toBe('-_-__g');
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => decodeBase64Strict('!!!notbase64', 'p: DSSE payload')).toThrow(
      new InputError(
        'p: DSSE payload is not base64: invalid character "!" at offset 0',
      ),
    );
    expect(() => decode('aGVs bG8=')).toThrow(
      'invalid character " " at offset 4',
    );
    expect(() => decode('aGVsbG8=\n')).toThrow(/padding/);
    expect(() => decode('aGVsbG8*')).toThrow(
      'invalid character "*" at offset 7',
    );
  });

  it('rejects bad padding, lengths and mixed alphabets', () => {
    expect(() => decode('')).toThrow('x is not base64: it is empty');
    expect(() => decode('aG=k')).toThrow(/padding "=" is only allowed/);
    expect(() => decode('aGk===')).toThrow(/padding "=" is only allowed/);
    expect(() => decode('aGk==')).toThrow(
      'padded length 5 is not a multiple of 4',
    );
    expect(() => decode('aGVsb')).toThrow('length 5 cannot be base64');
    expect(() => decode('+/-_')).toThrow(/mixes the base64/);
  });
});
