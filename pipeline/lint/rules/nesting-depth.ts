import type {Root} from 'mdast'
import type {Node, Point} from 'unist'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {parseMarkdown} from '../../parse/document.js'
import {LINE_ENDING, frontMatterLines} from '../../parse/front-matter-fence.js'
import {MAX_DELIMITER_RUN, MAX_INLINE_DELIMITERS, MAX_INLINE_DEPTH, MAX_NESTING_DEPTH} from '../../limits.js'
import type {ReportDetail, Rule} from '../rule.js'

// What a line's prefix is made of: white space, and the containers a line
// opens, each with one space after it: `>`, list markers and footnote
// definitions (`[^label]:`, a label without white space), every container the
// parser knows. One it did not know would hide what follows it.
const PREFIX = /[ \t]|(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)|(\[\^(?:\\.|[^\\\]\s])+\]:)) ?/y
// Runs of inline delimiters nest emphasis and links when long.
const DELIMITER_RUN = new RegExp(`[*_~[\\]]{${MAX_DELIMITER_RUN + 1},}`)
// Every run of them: many in one paragraph nest inline content just as
// deeply (`*a *a … a* a*`), and the parser's time grows with their square.
const DELIMITERS = /[*_~[\]]+/g
// A blank line as markdown knows it (spaces and tabs only): it ends a
// paragraph. Other white space (U+00A0…) does not, so it must not reset counts.
const BLANK = /^[ \t]*$/

// Nodes that nest blocks, and nodes that nest inline content.
const BLOCK_CONTAINERS: ReadonlySet<string> = new Set(['blockquote', 'list', 'footnoteDefinition'])
const INLINE_CONTAINERS: ReadonlySet<string> = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])

/**
 * Nesting stays shallow: markdown parsers, tree walkers, the JSON emitter and
 * the type checker recurse per level, and the parser's time grows with the
 * square of some inputs. Two checks, so that anything this rule passes builds
 * in bounded time and memory:
 *
 * 1. On the raw text, before parsing, cheap bounds that keep the parse itself
 *    fast and shallow: container markers and indentation per line, footnote
 *    definitions per file, delimiter runs per block of text. Front matter is
 *    found exactly as the parser finds it.
 * 2. On the parsed tree, the real depth: block quotes, lists and footnotes,
 *    and emphasis, strikethrough and links inside each other. The tree is kept for the
 *    document rules, so the file is parsed once.
 *
 * A file this rule reports on goes no further (no document rule, no build).
 */
export const nestingDepth: Rule = {
  id: 'nesting-depth',
  phase: 'source',
  description: `Block quotes, lists and footnote definitions nest at most ${MAX_NESTING_DEPTH} levels deep (with at most ${MAX_NESTING_DEPTH} footnote definitions in a file), emphasis, strikethrough and links at most ${MAX_INLINE_DEPTH}; no run of over ${MAX_DELIMITER_RUN} emphasis or bracket characters, and at most ${MAX_INLINE_DELIMITERS} such runs in a block of text.`,
  tip: 'Flatten the nesting: a step is a few short paragraphs and one checklist.',
  check({sources, report}) {
    for (const source of sources) {
      // A file another source rule refused (too large, not UTF-8…) is not text to scan.
      if (source.file.messages.some((message) => message.fatal)) continue
      const problem = sourceProblem(String(source.file.value).split(LINE_ENDING)) ?? treeProblem(source.file)
      if (problem !== undefined) report(source, problem.reason, problem.place, problem.detail)
    }
  },
}

interface Problem {
  readonly reason: string
  readonly place: Point
  readonly detail?: ReportDetail
}

// `Expected at most 8 levels of nesting, found 9`, with the limit and the count as `expected` and `actual`.
const tooMany = (what: string, limit: number, count: number, place: Point): Problem => ({
  reason: `Expected at most ${limit} ${what}, found ${count}`,
  place,
  detail: {expected: [String(limit)], actual: String(count)},
})

// The first nesting problem in a file's lines; one is enough to stop parsing.
function sourceProblem(lines: readonly string[]): Problem | undefined {
  // Delimiter runs in the current block of text (lines up to a blank one):
  // how many, and where the first one past the limit is.
  let runs = 0
  let pastLimit: Point | undefined
  let footnotes = 0
  // Front matter is YAML, not paragraphs: its runs (aliases are `*name`) do
  // not count, though its lines' depth and long runs still do. Where it ends
  // is the parser's decision (a `--- ` fence closes it; an unclosed one is
  // no front matter at all).
  const frontMatter = frontMatterLines(lines)
  for (const [index, line] of lines.entries()) {
    if (BLANK.test(line)) {
      if (pastLimit !== undefined) break
      runs = 0
      continue
    }
    const {depth, column, footnotes: opened} = depthOf(line)
    if (depth > MAX_NESTING_DEPTH) return tooMany('levels of nesting', MAX_NESTING_DEPTH, depth, {line: index + 1, column})
    // Four spaces continue every footnote definition still open, so each may
    // nest in the ones before it, whatever lines lie between: their number
    // is their depth.
    footnotes += opened
    if (footnotes > MAX_NESTING_DEPTH) return tooMany('footnote definitions in a file', MAX_NESTING_DEPTH, footnotes, {line: index + 1, column: 1})
    const run = DELIMITER_RUN.exec(line)
    if (run !== null) return tooMany('emphasis or bracket characters in a row', MAX_DELIMITER_RUN, run[0].length, {line: index + 1, column: run.index + 1})
    if (index < frontMatter) continue
    for (const match of line.matchAll(DELIMITERS)) {
      runs++
      if (runs === MAX_INLINE_DELIMITERS + 1) pastLimit = {line: index + 1, column: match.index + 1}
    }
  }
  return pastLimit === undefined ? undefined : tooMany('emphasis or bracket runs in one paragraph', MAX_INLINE_DELIMITERS, runs, pastLimit)
}

// The line's nesting depth, the column where the first level past the limit
// opens (where the report points), and how many footnote definitions it opens.
function depthOf(line: string): {depth: number; column: number; footnotes: number} {
  let markers = 0
  let footnotes = 0
  // White space nests lists too, wherever it is in the prefix (after a `>`,
  // it continues the lists of the lines before): two columns a level.
  let columns = 0
  let column: number | undefined
  PREFIX.lastIndex = 0
  for (let match = PREFIX.exec(line); match !== null; match = PREFIX.exec(line)) {
    if (match[0] === ' ' || match[0] === '\t') columns += match[0] === ' ' ? 1 : 4
    else markers++
    if (match[1] !== undefined) footnotes++
    if (markers + Math.floor(columns / 2) > MAX_NESTING_DEPTH) column ??= match.index + 1
  }
  return {depth: markers + Math.floor(columns / 2), column: column ?? 1, footnotes}
}

// The real nesting of the parsed tree: the deepest block and inline levels,
// reported at the first node (in document order) past each limit.
function treeProblem(file: VFile): Problem | undefined {
  let tree: Root
  try {
    tree = parseMarkdown(file)
  } catch (error) {
    // The source checks keep known stack-hungry shapes out; anything the
    // parser still cannot take is reported here, never thrown.
    return {
      reason: `Expected markdown the parser can read, found input it failed on (${error instanceof Error ? error.name : 'error'})`,
      place: {line: 1, column: 1},
    }
  }
  let deepestBlock = 0
  let deepestInline = 0
  let firstBlock: Point | undefined
  let firstInline: Point | undefined
  // Each node's depths, from its parent's (the source checks have bounded
  // them, so the walk may recurse).
  const depths = new Map<Node, {block: number; inline: number}>()
  visit(tree, (node, _index, parent) => {
    const above = (parent === undefined ? undefined : depths.get(parent)) ?? {block: 0, inline: 0}
    const block = above.block + (BLOCK_CONTAINERS.has(node.type) ? 1 : 0)
    const inline = above.inline + (INLINE_CONTAINERS.has(node.type) ? 1 : 0)
    depths.set(node, {block, inline})
    deepestBlock = Math.max(deepestBlock, block)
    deepestInline = Math.max(deepestInline, inline)
    if (block > MAX_NESTING_DEPTH) firstBlock ??= node.position?.start
    if (inline > MAX_INLINE_DEPTH) firstInline ??= node.position?.start
  })
  if (deepestBlock > MAX_NESTING_DEPTH) return tooMany('levels of nesting', MAX_NESTING_DEPTH, deepestBlock, firstBlock ?? {line: 1, column: 1})
  if (deepestInline > MAX_INLINE_DEPTH) {
    return tooMany('levels of emphasis, strikethrough and links inside each other', MAX_INLINE_DEPTH, deepestInline, firstInline ?? {line: 1, column: 1})
  }
  return undefined
}
