/**
 * Escapes text for HTML element content and double-quoted attribute values: `&`, `<`, `>`, `"`
 * and `'` become character references, so names from config files cannot inject markup. O(n).
 *
 * @example
 * escapeHtml('<b>x</b> & "y"'); // '&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
