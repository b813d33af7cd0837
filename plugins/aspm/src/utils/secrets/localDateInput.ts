/**
 * A time as the YYYY-MM-DD of a date field in the user's time zone (the
 * day the user sees on their calendar).
 */
export function localDateInput(time: string | number | Date): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}`;
}
