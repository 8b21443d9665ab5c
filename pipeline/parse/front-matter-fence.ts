// Where front matter ends, decided exactly as the parser decides it
// (micromark-extension-frontmatter, which remark-frontmatter uses), so checks
// that run on the raw text before parsing agree with the tree they protect.

// A fence line: exactly three dashes at column 1, then only spaces or tabs
// (the extension's `markdownSpace`), then the line ending or the end of input.
const FENCE = /^---[ \t]*$/

/**
 * How many lines the front matter takes at the start of a file, both fence
 * lines included; 0 when the file has none.
 *
 * Mirrors micromark-extension-frontmatter: the opening fence must be the very
 * first line and followed by a line ending; the closing fence is the first
 * later line that is a fence, and may end the file. A block that never closes
 * is not front matter at all: the parser reads the whole file as markdown, so
 * every line of it counts as markdown here too.
 *
 * @param lines The file's lines, split on line endings (`\r\n`, `\r` or `\n`).
 * @returns The number of lines from the opening fence to the closing one.
 * @example
 *   frontMatterLines(['---', 'id: a', '--- ', 'text']) // 3
 *   frontMatterLines(['---', 'id: a', 'text']) // 0 (never closed)
 */
export function frontMatterLines(lines: readonly string[]): number {
  // The opening fence needs a line ending after it: `---` alone is a thematic break.
  if (lines.length < 2 || !FENCE.test(lines[0] ?? '')) return 0
  // findIndex's -1 (never closed) makes 0.
  return lines.findIndex((line, index) => index > 0 && FENCE.test(line)) + 1
}

/** Line endings as the parser knows them. */
export const LINE_ENDING: RegExp = /\r\n|\r|\n/
