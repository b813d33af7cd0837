/** "say why" -> "Say why". */
export function sentenceCase(text: string): string {
  return text ? text.charAt(0).toLocaleUpperCase() + text.slice(1) : text;
}
