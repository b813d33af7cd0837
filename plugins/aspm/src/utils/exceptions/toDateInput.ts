/**
 * A timestamp as the YYYY-MM-DD of a date field, in UTC: the backend reads
 * YYYY-MM-DD as the end of that day, UTC.
 */
export function toDateInput(time?: string | number): string {
  if (time === undefined || time === '') return '';
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}
