import type {Rule} from '../rule.js'
import {MAX_NESTING_DEPTH} from '../limits.js'

// Block containers a line opens: `>` and list markers, each with what follows.
const CONTAINER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/
// Runs of inline delimiters nest emphasis and links when long.
const DELIMITER_RUN = /[*_~[\]]{33,}/

/**
 * Nesting stays shallow: markdown parsers and tree walkers recurse per level,
 * so thousands of `>` or list levels would exhaust the stack. Checked on the
 * source, before parsing.
 */
export const nestingDepth: Rule = {
  id: 'nesting-depth',
  phase: 'source',
  description: `Block quotes and lists nest at most ${MAX_NESTING_DEPTH} levels deep; no run of over 32 emphasis or bracket characters.`,
  tip: 'Flatten the nesting: a step is a few short paragraphs and one checklist.',
  check({sources, report}) {
    for (const source of sources) {
      const lines = String(source.file.value).split('\n')
      for (const [index, line] of lines.entries()) {
        const {depth, column} = depthOf(line)
        if (depth > MAX_NESTING_DEPTH) {
          report(source, `Expected at most ${MAX_NESTING_DEPTH} levels of nesting, found ${depth}`, {line: index + 1, column}, {expected: [String(MAX_NESTING_DEPTH)], actual: String(depth)})
          break
        }
        const run = DELIMITER_RUN.exec(line)
        if (run !== null) {
          report(source, `Expected at most 32 emphasis or bracket characters in a row, found ${run[0].length}`, {line: index + 1, column: run.index + 1})
          break
        }
      }
    }
  },
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
