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
