/** `text` as a regex source that matches it literally (every syntax character backslashed). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
