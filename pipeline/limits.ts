/** Largest content file the build reads, in bytes; a step is a few hundred words. */
export const MAX_FILE_BYTES = 64 * 1024

/**
 * Deepest block nesting (block quotes and lists) the build accepts. Real steps
 * use one or two levels; the limit keeps recursive tree walks far from the
 * stack's end whatever an editor pastes.
 */
export const MAX_NESTING_DEPTH = 8

/**
 * Most runs of emphasis or bracket characters (`*`, `_`, `~`, `[`, `]`) in one
 * paragraph (lines up to a blank line). A paragraph uses a handful; thousands
 * nest inline content past what recursive tree walks survive, and the parser
 * takes time that grows with their square.
 */
export const MAX_INLINE_DELIMITERS = 64

/** Source name put on every diagnostic. */
export const SOURCE = 'ace-second-interview'
