import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertText, findBinaryData, textGuard } from '../../src/io/textCheck.js';
import { echoValue, escapeControl, MAX_ECHO_CHARS } from '../../src/messageText.js';

describe('findBinaryData', () => {
  it('accepts UTF-8 text with a BOM, CRLF and accented letters', () => {
    expect(findBinaryData(Buffer.from('\uFEFFqueue,calls\r\nMontréal,3\r\n', 'utf8'))).toBeUndefined();
    expect(findBinaryData('queue,calls\nZürich,4\n')).toBeUndefined();
  });

  it('gives the 1-based byte and value of a NUL byte', () => {
    expect(findBinaryData(Uint8Array.of(0x61, 0x2c, 0x00, 0x62))).toEqual({ byte: 3, value: 0 });
  });

  it('gives the byte of the first invalid UTF-8 sequence (a Latin-1 é after a 3-byte BOM)', () => {
    const latin1 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('a,b\nMontr', 'latin1'),
      Buffer.from([0xe9, 0x61]),
    ]);
    expect(findBinaryData(latin1)).toEqual({ byte: 13, value: 0xe9, otherEncoding: true });
  });

  it('recognises a UTF-16 byte-order mark', () => {
    expect(findBinaryData(Buffer.from('\uFEFFa,b\n', 'utf16le'))).toEqual({
      byte: 1,
      value: 0xff,
      utf16: true,
    });
  });

  it('ignores a character cut at the end of a first chunk only when told the end is partial', () => {
    const cut = Buffer.from('a,é', 'utf8').subarray(0, 3); // 'a', ',', first byte of é
    expect(findBinaryData(cut, { partialEnd: true })).toBeUndefined();
    expect(findBinaryData(cut)).toEqual({ byte: 3, value: 0xc3, otherEncoding: true });
  });

  it('counts bytes, not characters, before a U+FFFD in decoded text', () => {
    expect(findBinaryData('é\uFFFD')).toEqual({ byte: 3, otherEncoding: true });
    expect(findBinaryData('é\uFFFD\u0001')).toEqual({ byte: 3 });
  });

  it('finds nothing in any valid UTF-8 text without NUL (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const clean = s.replace(/[\0\uFFFD]/g, '');
        expect(findBinaryData(Buffer.from(clean, 'utf8'))).toBeUndefined();
      }),
    );
  });

  it('points at the NUL byte inserted anywhere into text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), fc.nat(), (s, k) => {
        const at = k % (s.length + 1);
        const bytes = Buffer.from(`${s.slice(0, at)}\0${s.slice(at)}`, 'utf8');
        expect(findBinaryData(bytes)).toEqual({ byte: at + 1, value: 0 });
      }),
    );
  });
});

describe('assertText and textGuard', () => {
  it('throws FILE_READ naming file, byte and value, without the raw bytes', () => {
    expect(() => assertText(Uint8Array.of(0x61, 0x9c, 0x01), 'x.csv')).toThrow(
      'x.csv: not a text CSV file (binary data at byte 2: 0x9c)',
    );
    expect(() => assertText(Buffer.from('a,b\nZ\u00fcrich,1\n', 'latin1'), 'l.csv')).toThrow(
      'l.csv: not UTF-8 text (0xfc at byte 6): save it as UTF-8 CSV',
    );
    expect(() => assertText(Buffer.from('\uFEFF{}', 'utf16le'), 'p.json', 'JSON')).toThrow(
      'p.json: UTF-16 text, not UTF-8: save it as UTF-8 JSON',
    );
  });

  it('passes text through unchanged and fails on a NUL in a later chunk at its file byte', async () => {
    const good = Readable.from([Buffer.from('a,b\n'), Buffer.from('1,2\n')]);
    expect(await text(good.pipe(textGuard('g.csv')))).toBe('a,b\n1,2\n');
    const bad = Readable.from([Buffer.from('a,b\n'), Buffer.from('1,\0\n')]);
    await expect(text(bad.pipe(textGuard('b.csv')))).rejects.toThrow(
      'b.csv: not a text CSV file (binary data at byte 7: 0x00)',
    );
  });
});

describe('textGuard through the whole file', () => {
  it('finds invalid UTF-8 far beyond the first chunk, at its byte', async () => {
    const head = Buffer.from(`a,b\n${'1,2\n'.repeat(50_000)}`);
    const bad = Readable.from([
      head.subarray(0, 65_536),
      head.subarray(65_536),
      Buffer.from([0x31, 0xe9, 0x0a]),
    ]);
    await expect(text(bad.pipe(textGuard('l.csv')))).rejects.toThrow(
      `l.csv: not UTF-8 text (0xe9 at byte ${head.length + 2}): save it as UTF-8 CSV`,
    );
  });

  it('passes valid UTF-8 split at any byte into any chunks (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', ',', '\n'), maxLength: 60 }),
        fc.array(fc.nat(300), { maxLength: 6 }),
        async (s, cuts) => {
          const bytes = Buffer.from(s, 'utf8');
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...points, bytes.length]
            .slice(1)
            .map((end, i, all) => bytes.subarray(i === 0 ? 0 : all[i - 1], end));
          expect(await text(Readable.from(chunks.filter((c) => c.length > 0)).pipe(textGuard('x.csv')))).toBe(
            s,
          );
        },
      ),
    );
  });

  it('rejects a file that ends inside a character', async () => {
    await expect(
      text(Readable.from([Buffer.from([0x61, 0x0a, 0xe2, 0x82])]).pipe(textGuard('t.csv'))),
    ).rejects.toThrow('t.csv: not a text CSV file (binary data at byte 3: 0xe2)');
  });
});

describe('escapeControl', () => {
  it('escapes control characters as \\xNN and keeps printable text', () => {
    expect(escapeControl('bad "\u0007x\u001b[31m" é')).toBe('bad "\\x07x\\x1b[31m" é');
  });
});

describe('echoValue', () => {
  it('escapes control characters and cuts after MAX_ECHO_CHARS input characters with …', () => {
    expect(echoValue('1\u001b[31m2')).toBe('1\\x1b[31m2');
    expect(echoValue('x'.repeat(MAX_ECHO_CHARS))).toBe('x'.repeat(MAX_ECHO_CHARS));
    expect(echoValue('x'.repeat(213_000))).toBe(`${'x'.repeat(MAX_ECHO_CHARS)}…`);
  });

  it('never returns a control character, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const out = echoValue(s);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: checking for control characters
        return !/[\u0000-\u001f\u007f-\u009f]/.test(out) && out.length <= 4 * MAX_ECHO_CHARS + 1;
      }),
    );
  });
});
