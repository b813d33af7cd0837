/**
 * An action's typed input as the query string values an HTTP route
 * receives (lists comma-joined, numbers and booleans as text), so the
 * route's own zod schema validates it with the same rules and messages.
 * Undefined values are left out.
 */
export function toQuery(
  input: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length) out[key] = value.map(String).join(',');
    } else {
      out[key] = String(value);
    }
  }
  return out;
}
