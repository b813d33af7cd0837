import { sparklinePoints } from './sparklinePoints';

describe('sparklinePoints', () => {
  it('scales the series to the box, highest at the top', () => {
    expect(sparklinePoints([0, 5, 10], 100, 20, 0)).toEqual({
      segments: ['0,20 50,10 100,0'],
      last: { x: 100, y: 0 },
    });
  });

  it('breaks the line where a value is missing, and draws a flat series in the middle', () => {
    expect(sparklinePoints([1, null, 1, 1], 30, 10, 0)).toEqual({
      segments: ['0,5', '20,5 30,5'],
      last: { x: 30, y: 5 },
    });
    expect(sparklinePoints([null, null], 30, 10)).toEqual({ segments: [] });
  });
});
