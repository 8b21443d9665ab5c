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
        const depth = depthOf(line)
        if (depth > MAX_NESTING_DEPTH) {
          report(source, `Expected at most ${MAX_NESTING_DEPTH} levels of nesting, found ${depth}`, {line: index + 1, column: 1}, {expected: [String(MAX_NESTING_DEPTH)], actual: String(depth)})
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

function depthOf(line: string): number {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? ''
  // Indentation nests lists too: count every two columns as a level.
  const columns = [...indent].reduce((sum, char) => sum + (char === '\t' ? 4 : 1), 0)
  let depth = Math.floor(columns / 2)
  let rest = line.slice(indent.length)
  for (;;) {
    const match = CONTAINER.exec(rest)
    if (match === null) return depth
    depth++
    rest = rest.slice(match[0].length)
  }
}
