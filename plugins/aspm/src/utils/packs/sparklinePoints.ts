/** A sparkline's drawing: line segments (gaps where there is no value) and the last point. */
export interface Sparkline {
  segments: string[];
  last?: { x: number; y: number };
}

/**
 * The polyline points of a sparkline of `values` in a `width` x `height`
 * box (with `pad` around): equal steps, the range scaled to the box, a flat
 * series in the middle, a value missing breaks the line.
 */
export function sparklinePoints(
  values: Array<number | null>,
  width: number,
  height: number,
  pad = 2,
): Sparkline {
  const known = values.filter((v): v is number => v !== null);
  if (!known.length) return { segments: [] };
  const min = Math.min(...known);
  const max = Math.max(...known);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const y = (v: number) =>
    max === min
      ? height / 2
      : pad + (height - 2 * pad) * (1 - (v - min) / (max - min));
  const segments: string[] = [];
  let current: string[] = [];
  let last: { x: number; y: number } | undefined;
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
      return;
    }
    const point = {
      x: Math.round((pad + i * step) * 10) / 10,
      y: Math.round(y(v) * 10) / 10,
    };
    current.push(`${point.x},${point.y}`);
    last = point;
  });
  if (current.length) segments.push(current.join(' '));
  return { segments, ...(last ? { last } : {}) };
}
