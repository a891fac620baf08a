import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/report/escape.js';

describe('escapeHtml', () => {
  it('replaces the five HTML-special characters by character references', () => {
    expect(escapeHtml(`<b>x</b> & "y" 'z'`)).toBe('&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot; &#39;z&#39;');
  });

  it('leaves text without special characters unchanged', () => {
    expect(escapeHtml('Volume +10%, AHT 180 s')).toBe('Volume +10%, AHT 180 s');
  });

  it('never outputs < > " or a quote, and decoding the references gives the input back', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const e = escapeHtml(s);
        expect(/[<>"']/.test(e)).toBe(false);
        const decoded = e
          .replaceAll('&lt;', '<')
          .replaceAll('&gt;', '>')
          .replaceAll('&quot;', '"')
          .replaceAll('&#39;', "'")
          .replaceAll('&amp;', '&');
        expect(decoded).toBe(s);
      }),
    );
  });
});
