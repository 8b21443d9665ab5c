import type {ReportDetail, Rule} from '../rule.js'
import {MAX_INLINE_DELIMITERS, MAX_NESTING_DEPTH} from '../limits.js'

// Block containers a line opens: `>` and list markers, each with what follows.
const CONTAINER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/
// Runs of inline delimiters nest emphasis and links when long.
const DELIMITER_RUN = /[*_~[\]]{33,}/
// Every run of them: many in one paragraph nest inline content just as
// deeply (`*a *a … a* a*`), and the parser's time grows with their square.
const DELIMITERS = /[*_~[\]]+/g

/**
 * Nesting stays shallow: markdown parsers and tree walkers recurse per level,
 * so thousands of `>` or list levels, or of nested emphasis, would exhaust
 * the stack (and nested emphasis takes the parser quadratic time). Checked on
 * the source, before parsing.
 */
export const nestingDepth: Rule = {
  id: 'nesting-depth',
  phase: 'source',
  description: `Block quotes and lists nest at most ${MAX_NESTING_DEPTH} levels deep; no run of over 32 emphasis or bracket characters, and at most ${MAX_INLINE_DELIMITERS} such runs in a paragraph.`,
  tip: 'Flatten the nesting: a step is a few short paragraphs and one checklist.',
  check({sources, report}) {
    for (const source of sources) {
      // A file file-format refused (too large, not UTF-8…) is not text to scan.
      if (source.file.messages.some((message) => message.fatal)) continue
      const problem = firstProblem(String(source.file.value).split('\n'))
      if (problem !== undefined) report(source, problem.reason, problem.place, problem.detail)
    }
  },
}

interface Problem {
  readonly reason: string
  readonly place: {line: number; column: number}
  readonly detail?: ReportDetail
}

// The first nesting problem in a file's lines; one is enough to stop parsing.
function firstProblem(lines: readonly string[]): Problem | undefined {
  // Delimiter runs in the current block of text (lines up to a blank one):
  // how many, and where the first one past the limit is.
  let runs = 0
  let pastLimit: Problem['place'] | undefined
  // Front matter is YAML, not paragraphs: its runs (aliases are `*name`) do
  // not count, though its lines' depth and long runs still do.
  let inFrontMatter = lines[0] === '---'
  const blockEnd = (): Problem | undefined =>
    pastLimit === undefined
      ? undefined
      : {
          reason: `Expected at most ${MAX_INLINE_DELIMITERS} emphasis or bracket runs in one paragraph, found ${runs}`,
          place: pastLimit,
          detail: {expected: [String(MAX_INLINE_DELIMITERS)], actual: String(runs)},
        }
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') {
      const problem = blockEnd()
      if (problem !== undefined) return problem
      runs = 0
      continue
    }
    const {depth, column} = depthOf(line)
    if (depth > MAX_NESTING_DEPTH) {
      return {
        reason: `Expected at most ${MAX_NESTING_DEPTH} levels of nesting, found ${depth}`,
        place: {line: index + 1, column},
        detail: {expected: [String(MAX_NESTING_DEPTH)], actual: String(depth)},
      }
    }
    const run = DELIMITER_RUN.exec(line)
    if (run !== null) {
      return {
        reason: `Expected at most 32 emphasis or bracket characters in a row, found ${run[0].length}`,
        place: {line: index + 1, column: run.index + 1},
      }
    }
    if (inFrontMatter) {
      inFrontMatter = index === 0 || line !== '---'
      continue
    }
    for (const match of line.matchAll(DELIMITERS)) {
      runs++
      if (runs === MAX_INLINE_DELIMITERS + 1) pastLimit = {line: index + 1, column: match.index + 1}
    }
  }
  return blockEnd()
}

// The line's nesting depth, and the column where the first level past the
// limit opens (where the report points).
function depthOf(line: string): {depth: number; column: number} {
  let depth = 0
  let column = 1
  // Indentation nests lists too: count every two columns as a level.
  let columns = 0
  let index = 0
  for (; index < line.length && (line[index] === ' ' || line[index] === '\t'); index++) {
    columns += line[index] === '\t' ? 4 : 1
    const levels = Math.floor(columns / 2)
    if (levels > MAX_NESTING_DEPTH && depth <= MAX_NESTING_DEPTH) column = index + 1
    depth = levels
  }
  let rest = line.slice(index)
  for (;;) {
    const match = CONTAINER.exec(rest)
    if (match === null) return {depth, column}
    depth++
    if (depth === MAX_NESTING_DEPTH + 1) column = line.length - rest.length + 1
    rest = rest.slice(match[0].length)
  }
}
