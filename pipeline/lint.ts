import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import type {RoundRange} from '../src/types.js'
import {type ContentDocument, parseContent} from './document.js'
import {SOURCE} from './limits.js'
import type {LoadedContent} from './load.js'
import type {Manifest} from './manifest.js'
import {parseRounds} from './rounds.js'
import {type Rule, runRules} from './rule.js'
import {rules as defaultRules} from './rules/index.js'
import {entry} from './rules/shared.js'

/** The outcome of linting a content folder. */
export interface LintResult {
  /** Every file looked at, each with its messages. */
  readonly files: readonly VFile[]
  /** Whether any message is fatal (the build must stop). */
  readonly failed: boolean
  /** The parsed introduction, when it was parsed. */
  readonly guide: ContentDocument | undefined
  /** The parsed steps, in file name order. */
  readonly steps: readonly ContentDocument[]
  /** The guide's covered rounds, when valid. */
  readonly coveredRounds: RoundRange | undefined
}

/**
 * Lint loaded content: source rules on the raw files, then the files that
 * passed them are parsed and the document rules run.
 *
 * @param content What `loadContent` read.
 * @param rules The rules to run (all of them by default).
 * @param manifest The release history the rules judge ids against (none by default).
 * @returns Files with messages, and the parsed documents.
 */
export function lintContent(content: LoadedContent, rules: readonly Rule[] = defaultRules, manifest?: Manifest): LintResult {
  const {sources, layout} = content
  const base = {layout, sources, guide: undefined, steps: [], coveredRounds: undefined, manifest}
  runRules(rules.filter((rule) => rule.phase === 'source'), base)

  const documents: ContentDocument[] = []
  for (const source of sources) {
    if (source.file.messages.some((message) => message.fatal)) continue
    const document = parse(source.file, source.kind)
    if (document !== undefined) documents.push(document)
  }
  const guide = documents.find((document) => document.kind === 'guide')
  const steps = documents.filter((document) => document.kind === 'step')
  const written = guide === undefined ? undefined : entry(guide, 'rounds')?.value
  const coveredRounds = written === undefined || written === null ? undefined : parseRounds(String(written))
  runRules(rules.filter((rule) => rule.phase === 'document'), {...base, guide, steps, coveredRounds})

  const files = [...layout.missing, ...layout.unexpected, ...layout.unreadable.map((entry) => entry.file), ...sources.map((source) => source.file)]
  const failed = files.some((file) => file.messages.some((message) => message.fatal))
  return {files, failed, guide, steps, coveredRounds}
}

function parse(file: VFile, kind: ContentDocument['kind']): ContentDocument | undefined {
  try {
    return parseContent(file, kind)
  } catch (error) {
    // The nesting-depth rule keeps known stack-hungry shapes out; anything the
    // parser still cannot take is reported, never thrown.
    const message = file.message(`Expected markdown the parser can read, found input it failed on: ${error instanceof Error ? error.message : String(error)}`, {
      place: {line: 1, column: 1},
      ruleId: 'nesting-depth',
      source: SOURCE,
    })
    message.fatal = true
    return undefined
  }
}

/** Plain text of a node, with soft line breaks folded to spaces. */
export function plainText(node: Parameters<typeof toString>[0]): string {
  return toString(node).replace(/[ \t]*\n[ \t]*/g, ' ').trim()
}
