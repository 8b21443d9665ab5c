import type {Yaml} from 'mdast'
import type {Point, Position} from 'unist'
import {LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit} from 'yaml'

/** One front matter entry, with where its key and value are in the file. */
export interface FrontMatterEntry {
  readonly key: string
  /** The value when it is a scalar; `undefined` for maps, sequences and null. */
  readonly value: unknown
  /** `'scalar'`, `'map'`, `'seq'` or `'null'`, for type messages. */
  readonly kind: 'scalar' | 'map' | 'seq' | 'null'
  readonly keyPosition: Position
  readonly valuePosition: Position
}

/** A YAML problem found while reading front matter. */
export interface FrontMatterProblem {
  /** The whole message: what was expected, what was found. */
  readonly reason: string
  readonly position: Position
}

/** Front matter as read from a document: entries by key (no prototype), or problems. */
export interface FrontMatter {
  readonly node: Yaml
  readonly entries: ReadonlyMap<string, FrontMatterEntry>
  readonly problems: readonly FrontMatterProblem[]
}

/**
 * Read a front matter block without ever building a JavaScript object from
 * it: entries go into a `Map`, so `__proto__` is just a key (that the keys rule
 * then rejects), aliases are refused before they can expand, and unknown tags
 * are problems, not strings.
 *
 * @param node The `yaml` node remark-frontmatter produced.
 * @returns The entries with file positions, and any problems.
 */
export function readFrontMatter(node: Yaml): FrontMatter {
  const lineCounter = new LineCounter()
  const document = parseDocument(node.value, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    merge: false,
    schema: 'core',
    strict: true,
  })
  // The YAML text starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1
  const toPoint = (offset: number): Point => {
    const {line, col} = lineCounter.linePos(offset)
    return {line: firstLine + line - 1, column: col}
  }
  const toPosition = (range: readonly [number, number, ...number[]] | undefined): Position => {
    const [start, end] = range ?? [0, 0]
    return {start: toPoint(start), end: toPoint(end)}
  }

  const problems: FrontMatterProblem[] = []
  for (const error of [...document.errors, ...document.warnings]) {
    problems.push({reason: `Expected valid front matter YAML, found an error: ${error.message}`, position: toPosition(error.pos)})
  }
  visit(document, {
    Alias(_key, alias) {
      problems.push({
        reason: `Expected no YAML aliases in front matter, found \`*${alias.source}\``,
        position: toPosition(alias.range ?? undefined),
      })
      return visit.SKIP
    },
  })

  const entries = new Map<string, FrontMatterEntry>()
  const contents = document.contents
  if (problems.length === 0 && contents !== null) {
    if (isMap(contents)) {
      for (const pair of contents.items) {
        const key = pair.key
        if (!isScalar(key) || typeof key.value !== 'string') {
          problems.push({
            reason: `Expected front matter keys to be plain words, found ${isScalar(key) ? `\`${String(key.value)}\`` : 'a list or map'}`,
            position: toPosition(isScalar(key) ? (key.range ?? undefined) : undefined),
          })
          continue
        }
        const value = pair.value
        const keyPosition = toPosition(key.range ?? undefined)
        const valuePosition = value !== null && typeof value === 'object' && 'range' in value
          ? toPosition((value.range as [number, number, number] | null | undefined) ?? undefined)
          : keyPosition
        const kind = isScalar(value)
          ? value.value === null ? 'null' : 'scalar'
          : isMap(value) ? 'map' : value === null || isAlias(value) ? 'null' : 'seq'
        entries.set(key.value, {
          key: key.value,
          value: isScalar(value) ? value.value : undefined,
          kind,
          keyPosition,
          valuePosition,
        })
      }
    } else {
      problems.push({
        reason: `Expected front matter to be a map of \`key: value\` lines, found ${isSeq(contents) ? 'a list' : 'a single value'}`,
        position: toPosition(contents.range ?? undefined),
      })
    }
  }
  return {node, entries, problems}
}
