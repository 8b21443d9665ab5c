// What the content lint lets through, in numbers. The markdown parser's time
// grows faster than linearly with some shapes of input (setext headings, list
// items, table cells, delimiter runs), and tree walks, the JSON emitter and
// the type checker recurse per level of nesting, so every bound here keeps
// anything `check` calls clean building in well under a second and a few tens
// of megabytes. README.md's Security section states these numbers.

/**
 * Largest content file the build reads, in bytes. A step is a few hundred
 * words (about 1 KB); 16 KiB leaves room and keeps the parser's worst case
 * (a table of 16 KiB of cells) under a second.
 */
export const MAX_FILE_BYTES: number = 16 * 1024

/**
 * Most lines in one content file. Setext headings and list items cost the
 * parser time that grows with the square of their count past a few thousand;
 * a step is about 25 lines.
 */
export const MAX_LINES = 400

/** Largest `content/manifest.json` the build reads, in bytes (a release adds about 2 KB). */
export const MAX_MANIFEST_BYTES: number = 4 * 1024 * 1024

/**
 * Deepest block nesting (block quotes, lists, footnote definitions) the build accepts, measured
 * on each line before parsing and on the parsed tree. Real steps use one or
 * two levels.
 */
export const MAX_NESTING_DEPTH = 8

/**
 * Deepest inline nesting (emphasis, strong, strikethrough and links inside
 * each other) the build accepts, measured on the parsed tree. The generated
 * render data nests two literals per level and TypeScript gives up
 * (`TS2321 Excessive stack depth`) near 100 levels of elements; block and
 * inline limits together stay under 30.
 */
export const MAX_INLINE_DEPTH = 8

/**
 * Longest run of one of the emphasis or bracket characters (`*`, `_`, `~`,
 * `[`, `]`) in a row. `***` is bold italic; each pair more nests emphasis one
 * level deeper.
 */
export const MAX_DELIMITER_RUN = 16

/**
 * Most runs of emphasis or bracket characters (`*`, `_`, `~`, `[`, `]`) in
 * one block of text (lines up to a blank line). A paragraph uses a handful;
 * the parser pairs them up in time that grows with the square of their count,
 * and each pair can nest inline content one level deeper.
 */
export const MAX_INLINE_DELIMITERS = 64

/** Source name put on every diagnostic. */
export const SOURCE = 'ace-second-interview'
