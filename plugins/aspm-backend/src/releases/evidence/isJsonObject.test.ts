import { describeJsonType, isJsonObject } from './isJsonObject';

describe('isJsonObject', () => {
  it('accepts objects only', () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject({ a: 1 })).toBe(true);
    expect(isJsonObject(null)).toBe(false);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject('{}')).toBe(false);
    expect(isJsonObject(3)).toBe(false);
    expect(isJsonObject(undefined)).toBe(false);
  });
});

describe('describeJsonType', () => {
  it('names the type', () => {
    expect(describeJsonType(null)).toBe('null');
    expect(describeJsonType([1])).toBe('an array');
    expect(describeJsonType({})).toBe('an object');
    expect(describeJsonType('x')).toBe('a string');
    expect(describeJsonType(1)).toBe('a number');
    expect(describeJsonType(true)).toBe('a boolean');
    expect(describeJsonType(undefined)).toBe('undefined');
  });
});
