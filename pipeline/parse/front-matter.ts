import type {Yaml} from 'mdast'
import type {Point, Position} from 'unist'
import {type Document, LineCounter, type YAMLError, isAlias, isMap, isNode, isScalar, isSeq, parseDocument, visit} from 'yaml'

/** One front matter entry, with where its key and value are in the file. */
export interface FrontMatterEntry {
  /** The value when it is a scalar; `undefined` for maps, sequences and null. */
  readonly value: unknown
  /** `'scalar'`, `'map'`, `'seq'` or `'null'`, for type messages. */
  readonly kind: 'scalar' | 'map' | 'seq' | 'null'
  readonly keyPosition: Position
  readonly valuePosition: Position
  /** The YAML node of the value, for a map or list read further (guide.md's `ordinals`). */
  readonly node: unknown
}

/** A YAML problem found while reading front matter, in plain words. */
export interface FrontMatterProblem {
  /** The whole message: what was expected, what was found. */
  readonly reason: string
  readonly position: Position
  /** How to fix this problem. */
  readonly tip: string
}

/** Front matter as read from a document: entries by key (no prototype), or problems. */
export interface FrontMatter {
  readonly node: Yaml
  readonly entries: ReadonlyMap<string, FrontMatterEntry>
  readonly problems: readonly FrontMatterProblem[]
  /** Where a YAML node of this front matter (an entry's `node`, or one inside it) is in the file. */
  readonly place: (node: {readonly range?: readonly [number, number, ...number[]] | null | undefined}) => Position
}

/**
 * yaml's `parseDocument`, silent. Its Node build prints every token to stdout
 * while `LOG_TOKENS` or `LOG_STREAM` is set, and no option turns that off:
 * `check --format json` would no longer be JSON. Both are unset for the
 * (synchronous) parse and put back after; `logLevel: 'silent'` stops warnings.
 *
 * @param text YAML text.
 * @param options As `parseDocument`'s.
 * @returns The parsed document.
 */
export function parseYaml(text: string, options: Parameters<typeof parseDocument>[1]): Document.Parsed {
  const {env} = process
  const saved = {LOG_TOKENS: env['LOG_TOKENS'], LOG_STREAM: env['LOG_STREAM']}
  delete env['LOG_TOKENS']
  delete env['LOG_STREAM']
  try {
    return parseDocument(text, {...options, logLevel: 'silent'})
  } finally {
    for (const [name, value] of Object.entries(saved)) if (value !== undefined) env[name] = value
  }
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
  const document = parseYaml(node.value, {
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
  // One root cause, one problem: later YAML errors are mostly echoes of the
  // first (a missing colon also "fails" the lines after it).
  const [firstError] = [...document.errors, ...document.warnings].sort((a, b) => a.pos[0] - b.pos[0])
  if (firstError === undefined) {
    visit(document, {
      Alias(_key, alias) {
        problems.push({
          reason: `Expected no YAML aliases in front matter, found \`*${alias.source}\``,
          position: toPosition(alias.range ?? undefined),
          tip: 'Write the value out in full: front matter has no anchors (`&name`) or aliases (`*name`).',
        })
        return visit.SKIP
      },
    })
  } else {
    problems.push(explainYamlError(firstError, node.value, lineCounter, toPosition))
  }

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
            tip: 'Start each line with a key made of letters, such as `summary:`.',
          })
          // The first front matter problem only, as for YAML errors above.
          break
        }
        const value = pair.value
        const keyPosition = toPosition(key.range ?? undefined)
        const valuePosition = isNode(value) ? toPosition(value.range ?? undefined) : keyPosition
        const cut = cutByComment(key.value, value, node.value, toPosition)
        if (cut !== undefined) {
          problems.push(cut)
          break
        }
        const kind = isScalar(value)
          ? value.value === null ? 'null' : 'scalar'
          : isMap(value) ? 'map' : value === null || isAlias(value) ? 'null' : 'seq'
        entries.set(key.value, {
          value: isScalar(value) ? value.value : undefined,
          kind,
          keyPosition,
          valuePosition,
          node: value,
        })
      }
    } else {
      problems.push({
        reason: `Expected front matter to be a map of \`key: value\` lines, found ${isSeq(contents) ? 'a list' : 'a single value'}`,
        position: toPosition(contents.range ?? undefined),
        tip: 'Write the front matter as one `key: value` per line.',
      })
    }
  }
  return {node, entries, problems, place: (at) => toPosition(at.range ?? undefined)}
}

type ToPosition = (range: readonly [number, number, ...number[]] | undefined) => Position

// Quoting turns any text into a YAML string; most fixes below are "quote it".
const QUOTE_TIP = 'Put the whole value in double quotes, e.g. `summary: "Prove it: with stories"`.'

/**
 * Explain a YAML library error in the words of the convention (one
 * `key: value` per line), at the character that causes it. The line-level
 * mistakes people make (no colon, indentation, an unclosed quote, a second
 * `: ` in a value) are recognised on the lines up to the error; other errors
 * are translated by their code.
 */
function explainYamlError(error: YAMLError, source: string, lineCounter: LineCounter, toPosition: ToPosition): FrontMatterProblem {
  const at = (start: number, end = start + 1): Position => toPosition([start, end])
  // The line the error is on, and the next: YAML often notices a line's
  // mistake (an indented key) only on the line before it.
  const lastLine = Math.max(
    lineCounter.linePos(Math.min(error.pos[1], source.length)).line,
    lineCounter.linePos(error.pos[0]).line + 1,
  )
  const lines = source.split('\n').map((text, index) => ({text, start: lineCounter.lineStarts[index] ?? 0}))
  // Lines under a key with nothing after it (guide.md's `ordinals:`) are its
  // nested YAML, not `key: value` lines: the parser's words below speak for them.
  let nested: string | undefined
  for (const {text, start} of lines.slice(0, lastLine)) {
    if (/^\s*(?:#|$)/.test(text) || (nested !== undefined && /^(?:[ \t]|-(?:[ \t]|$))/.test(text))) continue
    nested = /^([^\s:#][^:]*):[ \t]*$/.exec(text)?.[1]
    const problem = lineProblem(text, start, at)
    if (problem !== undefined) return problem
  }

  const written = source.slice(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)).split('\n')[0] ?? ''
  const explain = (reason: string, tip: string): FrontMatterProblem => ({reason, position: at(error.pos[0], error.pos[1]), tip})
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^:]*/.exec(source.slice(error.pos[0]))?.[0].trim() ?? written
      const first = lines.findIndex(({text}) => text.startsWith(`${key}:`))
      return explain(
        `Expected each front matter key once, found \`${key}\` again${first === -1 ? '' : ` (first on line ${at(lines[first]?.start ?? 0).start.line})`}`,
        `Keep one \`${key}:\` line and delete the other.`,
      )
    }
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
    case 'MULTIPLE_TAGS':
      return explain(
        `Expected a plain value, found the YAML tag \`${written}\``,
        'Remove the tag (the word starting with `!`): front matter values are plain text and numbers.',
      )
    case 'BAD_DQ_ESCAPE':
      return explain(
        `Expected only YAML escapes such as \`\\"\` and \`\\\\\` in a double-quoted value, found \`${source.slice(error.pos[0], error.pos[0] + 2)}\``,
        'Use single quotes to keep backslashes as written, or write `\\\\` for one backslash.',
      )
    case 'MULTIPLE_DOCS':
      return explain(
        'Expected one front matter block, found a YAML document marker (`---` or `...`) inside it',
        'Delete the marker line: the front matter ends at the first line of exactly `---`.',
      )
    default:
      if (nested !== undefined) {
        return explain(
          `Expected YAML under \`${nested}:\`, found what cannot be read (${error.message})`,
          `Indent the lines under \`${nested}:\` as content/guide.md does (two spaces before a key, four before a \`- \` line); put a word in double quotes when it holds \`: \`, \` #\` or starts with a symbol.`,
        )
      }
      return explain(
        `Expected plain \`key: value\` lines, found YAML that cannot be read here (${error.message})`,
        'Write one `key: value` per line, unindented; put a value in double quotes when it holds `: `, ` #` or starts with a symbol.',
      )
  }
}

// The usual ways one line (never blank or a comment) breaks YAML, or undefined when it looks right.
function lineProblem(text: string, start: number, at: (start: number, end?: number) => Position): FrontMatterProblem | undefined {
  const indent = /^[ \t]+/.exec(text)?.[0]
  if (indent !== undefined) {
    return {
      reason: `Expected the key at the start of the line, found ${indent.includes('\t') ? 'a tab' : 'spaces'} before it`,
      position: at(start, start + indent.length),
      tip: 'Remove the spaces or tabs before the key: front matter is one unindented `key: value` per line (YAML reads an indented line as part of the one above).',
    }
  }
  const noSpace = /^([^\s:#][^:\s]*):(?=\S)/.exec(text)
  if (noSpace !== null && !/^[^:\s]+:[ \t]/.test(text)) {
    const colon = start + (noSpace[1]?.length ?? 0)
    return {
      reason: `Expected a space after the colon in \`${text}\`, found none`,
      position: at(colon, colon + 1),
      tip: 'Write `key: value`, with a space after the colon.',
    }
  }
  const pair = /^([^\s:#][^:]*?):(?:[ \t]+|$)/.exec(text)
  if (pair === null) {
    return {
      reason: `Expected \`key: value\`, found a line with no colon after its key: \`${text.length > 40 ? `${text.slice(0, 39)}…` : text}\``,
      position: at(start, start + text.length),
      tip: `Put a colon and a space after the key, e.g. \`${/^\S+/.exec(text)?.[0] ?? 'key'}: …\`.`,
    }
  }
  const key = pair[1] ?? ''
  const valueStart = start + pair[0].length
  const value = text.slice(pair[0].length)
  const quote = value[0]
  if (quote === '"' || quote === "'") {
    const closed = quote === '"' ? /^"(?:[^"\\]|\\.)*"/ : /^'(?:[^']|'')*'/
    if (!closed.test(value)) {
      return {
        reason: `Expected the value of \`${key}\` to end with a closing \`${quote}\` on the same line, found none`,
        position: at(valueStart, valueStart + 1),
        tip: `End the value with the same quote mark it starts with (\`${quote}\`), on the same line${quote === "'" ? "; write an apostrophe inside single quotes as `''`" : '; write a `"` inside double quotes as `\\"`'}.`,
      }
    }
    return undefined
  }
  if ((quote === '[' && !value.trimEnd().endsWith(']')) || (quote === '{' && !value.trimEnd().endsWith('}'))) {
    return {
      reason: `Expected the value of \`${key}\` as plain text, found \`${quote}\`, which starts a YAML ${quote === '[' ? 'list' : 'map'} that is never closed`,
      position: at(valueStart, valueStart + 1),
      tip: QUOTE_TIP,
    }
  }
  if (quote === '@' || quote === '`' || quote === '%') {
    return {
      reason: `Expected the value of \`${key}\` to start with text, found \`${quote}\`, a character YAML reserves`,
      position: at(valueStart, valueStart + 1),
      tip: QUOTE_TIP,
    }
  }
  const second = /:(?=[ \t]|$)/.exec(value)
  if (second !== null && quote !== '|' && quote !== '>') {
    const colon = valueStart + second.index
    return {
      reason: `Expected one \`key: value\` on the line, found a second \`: \` in the value of \`${key}\``,
      position: at(colon, colon + 1),
      tip: QUOTE_TIP,
    }
  }
  return undefined
}

// A ` #` after a plain value starts a YAML comment: the rest of the line is dropped.
function cutByComment(key: string, value: unknown, source: string, toPosition: ToPosition): FrontMatterProblem | undefined {
  if (!isScalar(value) || value.type !== 'PLAIN' || value.range === null || value.range === undefined) return undefined
  const [start, end] = value.range
  const lineEnd = source.indexOf('\n', end)
  const hash = /^[ \t]+#/.exec(source.slice(end, lineEnd === -1 ? undefined : lineEnd))
  if (hash === null) return undefined
  const at = end + hash[0].length - 1
  const whole = source.slice(start, lineEnd === -1 ? undefined : lineEnd).trimEnd()
  return {
    reason: `Expected the value of \`${key}\` to run to the end of the line, found it cut short by a YAML comment: it reads as \`${String(value.value)}\``,
    position: toPosition([at, at + 1]),
    tip: `YAML reads \` #\` as the start of a comment. To keep the \`#\`, put the whole value in double quotes: \`${key}: "${whole.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"\`; to write a note, put it on a line of its own.`,
  }
}
