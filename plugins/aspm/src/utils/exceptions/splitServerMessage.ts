/**
 * Splits a backend validation message of the form "expiresAt: must be ..."
 * into the path of the field and the rest; undefined when it names none.
 */
export function splitServerMessage(
  message: string,
): { path: string[]; text: string } | undefined {
  const match = /^([A-Za-z][\w]*(?:\.[A-Za-z][\w]*)*): (.+)$/s.exec(message);
  if (!match) return undefined;
  return { path: match[1].split('.'), text: match[2] };
}
