import { decodeSnapshot, encodeSnapshot } from './snapshotCodec';

const payload = (mttr: number) =>
  JSON.stringify({
    exception_debt: [3, null, null, { over30Days: 1, tier1: 0 }, 'count', 3],
    mttr: [mttr, mttr, 4, { fixes: 12 }, 'days', 4],
    reopen_rate: [0.125, 1, 8, null, 'ratio', 1],
    tier1_coverage: [null, 0, 0, null, 'ratio', 0],
  });

describe('snapshotCodec', () => {
  it('gives back the text it stored, much smaller', () => {
    const text = payload(14.5);
    const stored = encodeSnapshot(text);
    expect(decodeSnapshot(stored)).toBe(text);
    expect(stored[0]).toBe(1);
    expect(stored.length).toBeLessThan(text.length / 2);
    // Equal text, equal bytes; other numbers, other bytes.
    expect(encodeSnapshot(text).equals(stored)).toBe(true);
    expect(encodeSnapshot(payload(15)).equals(stored)).toBe(false);
  });

  it('reads the plain JSON rows the migration carried over, and null', () => {
    const text = payload(2);
    expect(decodeSnapshot(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeSnapshot(new Uint8Array(Buffer.from(text)))).toBe(text);
    expect(decodeSnapshot(text)).toBe(text);
    expect(decodeSnapshot(null)).toBeNull();
    expect(decodeSnapshot(Buffer.alloc(0))).toBeNull();
  });

  it('refuses a form it does not know instead of guessing', () => {
    expect(() => decodeSnapshot(Buffer.from([9, 1, 2, 3]))).toThrow(
      /unknown form \(version 9\)/,
    );
  });
});
