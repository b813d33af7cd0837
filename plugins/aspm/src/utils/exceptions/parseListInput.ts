/** "a, b ,a" -> ["a", "b"]: a comma-separated text field as a list. */
export function parseListInput(text: string): string[] {
  return Array.from(
    new Set(
      text
        .split(',')
        .map(s => s.trim())
        .filter(Boolean),
    ),
  );
}
