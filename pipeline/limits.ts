/** Largest content file the build reads, in bytes; a step is a few hundred words. */
export const MAX_FILE_BYTES = 64 * 1024

/**
 * Deepest block nesting (block quotes and lists) the build accepts. Real steps
 * use one or two levels; the limit keeps recursive tree walks far from the
 * stack's end whatever an editor pastes.
 */
export const MAX_NESTING_DEPTH = 8

/** Source name put on every diagnostic. */
export const SOURCE = 'ace-second-interview'
