/** Sizes and ranges both sides of the contract agree on. */

/** A paste of a few megabytes must survive; anything bigger is almost surely a mistake. */
export const MAX_MESSAGE_CHARS = 4_000_000;
export const MAX_TITLE_CHARS = 200;
/** Seconds of silence before a stream fails with `timeout`; reasoning models can think quietly for minutes. */
export const STREAM_TIMEOUT_RANGE = { min: 10, max: 900, default: 120 } as const;
/** How long a deleted conversation can be brought back (the Undo toast); it is purged a little later. */
export const UNDO_DELETE_MS = 8000;
/** An import file is sent in pieces of at most this many characters (the socket's frame limit). */
export const IMPORT_CHUNK_CHARS = 1_000_000;
/** The largest import accepted, in characters (years of ChatGPT history run to hundreds of MB). */
export const MAX_IMPORT_CHARS = 512_000_000;
export const MAX_SEARCH_CHARS = 500;
/** A ChatGPT export zip is sent in parts of this many bytes (base64 on the wire: 4/3 of it, within a frame). */
export const IMPORT_ZIP_PART_BYTES = 2 * 1024 * 1024;
/** The largest export zip accepted (conversations and every image of years of use). */
export const MAX_IMPORT_ZIP_BYTES = 8 * 1024 * 1024 * 1024;

/**
 * The most a message may take on the wire: the bytes of its JSON string, which is what the
 * socket carries. Plain text of MAX_MESSAGE_CHARS always fits (at most 3 bytes a character);
 * control characters and lone surrogates are escaped as `\u0001` (6 bytes), so a message of
 * them hits this limit first.
 */
export const MAX_MESSAGE_BYTES = MAX_MESSAGE_CHARS * 3 + 2;
/** The largest frame a window may send: a maximal message plus the rest of the request. */
export const MAX_CLIENT_FRAME_BYTES = MAX_MESSAGE_BYTES + 64 * 1024;

/** Whether a message may be sent: within the character limit and, as sent, the byte limit. */
export function messageFits(text: string): boolean {
  return text.length <= MAX_MESSAGE_CHARS && jsonTextBytes(text) <= MAX_MESSAGE_BYTES;
}

/** UTF-8 bytes of `JSON.stringify(text)`, counted without building it (a paste may be megabytes). */
export function jsonTextBytes(text: string): number {
  return 2 + countBytes(text, true);
}

/** UTF-8 bytes of a string as it is (e.g. a frame already serialized). */
export function utf8Bytes(text: string): number {
  return countBytes(text, false);
}

/** JSON writes these as two characters (`\n`, `\"`…); other control characters as `\u00XX`. */
const SHORT_ESCAPES = new Set([0x22, 0x5c, 0x08, 0x09, 0x0a, 0x0c, 0x0d]);

function countBytes(text: string, asJson: boolean): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (asJson && SHORT_ESCAPES.has(c)) bytes += 2;
    else if (asJson && c < 0x20) bytes += 6;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) bytes += asJson ? 6 : 3; // lone: JSON escapes it, TextEncoder writes U+FFFD
    else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
