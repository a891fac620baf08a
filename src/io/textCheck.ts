import { Transform, type TransformCallback } from 'node:stream';
import { StaffcastError } from '../errors.js';

/**
 * Where a text input stops being UTF-8 text: the 1-based byte and, when known, its value.
 *
 * @internal
 */
export interface BinaryData {
  /** 1-based byte offset of the first NUL byte or invalid UTF-8 sequence (as `cmp` counts). */
  byte: number;
  /** The byte's value (0..255); undefined when only decoded text was seen (a U+FFFD). */
  value?: number;
  /** The data starts with a UTF-16 byte-order mark (an Excel "Unicode text" export). */
  utf16?: boolean;
  /**
   * Text in another encoding (Latin-1, Windows-1252 ...): invalid UTF-8 but no NUL byte or other
   * control character (except tab, line feed, form feed, carriage return) in the data examined.
   */
  otherEncoding?: boolean;
}

/** Whether `data` holds a control character no text file has (C0 except tab, LF, FF, CR; DEL). */
function hasControl(data: Uint8Array | string): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = typeof data === 'string' ? data.charCodeAt(i) : data[i]!;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f) return true;
  }
  return false;
}

const REPLACEMENT = '\uFFFD';

/**
 * Finds the first sign that a text input is not UTF-8 text: a NUL byte, a byte sequence that is not
 * UTF-8 (found by the platform's `TextDecoder`, which decodes invalid bytes to U+FFFD), or a U+FFFD
 * already in decoded text (the mark a decoder leaves for invalid bytes). A UTF-8 byte-order mark is
 * text; an incomplete character at the very end of `data` is not counted when `partialEnd` (a
 * first chunk of a stream). `byteOffset` is added to the reported position. Cost O(size).
 *
 * @internal
 * @example
 * findBinaryData(Buffer.from('a,b\n1,2\n')); // undefined
 * findBinaryData(Uint8Array.of(0x61, 0x2c, 0x00, 0x62)); // { byte: 3, value: 0 }
 * findBinaryData('calls\n1\uFFFD\n'); // { byte: 8, otherEncoding: true }
 */
export function findBinaryData(
  data: Uint8Array | string,
  options: { partialEnd?: boolean; byteOffset?: number } = {},
): BinaryData | undefined {
  const offset = options.byteOffset ?? 0;
  if (typeof data === 'string') {
    const nul = data.indexOf('\0');
    const bad = data.indexOf(REPLACEMENT);
    const at = nul < 0 ? bad : bad < 0 ? nul : Math.min(nul, bad);
    if (at < 0) return undefined;
    const byte = offset + Buffer.byteLength(data.slice(0, at), 'utf8') + 1;
    if (at === nul) return { byte, value: 0 };
    return hasControl(data) ? { byte } : { byte, otherEncoding: true };
  }
  if (
    offset === 0 &&
    data.length >= 2 &&
    ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))
  )
    return { byte: 1, value: data[0]!, utf16: true };
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(data, {
    stream: options.partialEnd === true,
  });
  const bad = text.indexOf(REPLACEMENT);
  const badAt = bad < 0 ? -1 : Buffer.byteLength(text.slice(0, bad), 'utf8');
  const nul = data.indexOf(0);
  const at = nul < 0 ? badAt : badAt < 0 ? nul : Math.min(nul, badAt);
  if (at < 0) return undefined;
  const found: BinaryData = { byte: offset + at + 1, value: data[at]! };
  if (at !== nul && !hasControl(data)) found.otherEncoding = true;
  return found;
}

/**
 * The error (`FILE_READ`) for a binary (non-text) input: `<file>: not a text CSV file (binary data
 * at byte N: 0x9c)`; for text in another encoding, `<file>: not UTF-8 text (0xe9 at byte N): save
 * it as UTF-8 CSV`; for a UTF-16 file, `<file>: UTF-16 text, not UTF-8: save it as UTF-8 CSV`.
 * `kind` names what was expected (`CSV`, `JSON`). Never contains the raw bytes.
 *
 * @internal
 * @example
 * binaryDataError('x.csv', { byte: 3, value: 0 }).message; // 'x.csv: not a text CSV file (binary data at byte 3: 0x00)'
 */
export function binaryDataError(file: string, found: BinaryData, kind = 'CSV'): StaffcastError {
  if (found.utf16)
    return new StaffcastError('FILE_READ', `${file}: UTF-16 text, not UTF-8: save it as UTF-8 ${kind}`, {
      file,
      byte: found.byte,
    });
  const hex = found.value === undefined ? undefined : `0x${found.value.toString(16).padStart(2, '0')}`;
  const message = found.otherEncoding
    ? `not UTF-8 text (${hex ?? 'invalid character'} at byte ${found.byte}): save it as UTF-8 ${kind}`
    : `not a text ${kind} file (binary data at byte ${found.byte}${hex === undefined ? '' : `: ${hex}`})`;
  return new StaffcastError('FILE_READ', `${file}: ${message}`, { file, byte: found.byte });
}

/**
 * Throws `binaryDataError` when `data` (a whole file) is not UTF-8 text. O(size).
 *
 * @internal
 * @throws StaffcastError `FILE_READ` "<file>: not a text <kind> file (binary data at byte N: 0xNN)"
 *   and the other `binaryDataError` messages
 * @example
 * assertText('a,b\n', 'x.csv'); // returns undefined
 * assertText('a\0', 'x.csv'); // throws FILE_READ 'x.csv: not a text CSV file (binary data at byte 2: 0x00)'
 */
export function assertText(data: Uint8Array | string, file: string, kind = 'CSV'): void {
  const found = findBinaryData(data);
  if (found !== undefined) throw binaryDataError(file, found, kind);
}

/**
 * A pass-through stream that fails with `binaryDataError` when its input is not UTF-8 text: every
 * chunk is checked for NUL bytes and invalid UTF-8, through the whole file (a character split by a
 * chunk boundary is carried over to the next chunk and checked whole); string chunks (already
 * decoded) are checked whole. Put it between a file and csv-parse. Cost O(size).
 *
 * @internal
 * @example
 * import { Readable } from 'node:stream';
 * import { pipeline } from 'node:stream/promises';
 * // createReadStream('h.csv').pipe(textGuard('h.csv')).pipe(parse()) errors the same way when byte 3 is NUL
 * await pipeline(Readable.from([Buffer.from('ab\0c')]), textGuard('h.csv'), async (chunks) => { for await (const _ of chunks); });
 * // throws FILE_READ 'h.csv: not a text CSV file (binary data at byte 3: 0x00)'
 */
export function textGuard(file: string, kind = 'CSV'): Transform {
  let seen = 0;
  // the bytes of a character the previous chunk ended inside of (at most 3)
  let carry: Buffer = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback) {
      let found: BinaryData | undefined;
      if (typeof chunk === 'string') {
        found = findBinaryData(chunk, { byteOffset: seen });
        seen += Buffer.byteLength(chunk, 'utf8');
      } else {
        const data = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
        found = findBinaryData(data, { partialEnd: true, byteOffset: seen - carry.length });
        carry = Buffer.from(data.subarray(data.length - incompleteTail(data)));
        seen += chunk.length;
      }
      if (found !== undefined) done(binaryDataError(file, found, kind));
      else done(null, chunk);
    },
    flush(done: TransformCallback) {
      // the input ended inside a character
      if (carry.length > 0)
        done(binaryDataError(file, { byte: seen - carry.length + 1, value: carry[0]! }, kind));
      else done();
    },
  });
}

/** How many bytes at the end of `data` begin a UTF-8 character that is not complete (0..3). */
function incompleteTail(data: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, data.length); back++) {
    const b = data[data.length - back]!;
    if (b < 0x80) return 0; // ASCII: complete
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? back : 0;
    }
  }
  return 0;
}
