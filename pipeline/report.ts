import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {escapeControl} from './terminal.js'

// Colour is for people at a terminal: never in a pipe or a file, never when
// the user asked for none (https://no-color.org), never on a terminal that
// says it cannot show it (`TERM=dumb`, e.g. Emacs' shell buffers).

/**
 * Decide whether to colour output written to one stream.
 *
 * @param context The stream's `isTTY` and the environment (`process.env`).
 * @returns `true` only when the stream is a TTY, `NO_COLOR` is not set at
 *   all and `TERM` is not `dumb`; any value of `NO_COLOR`, even the empty
 *   string, turns colour off, as in the build scripts.
 * @example
 *   shouldUseColor({isTTY: process.stdout.isTTY, env: process.env})
 */
export function shouldUseColor(context: {readonly isTTY: boolean | undefined; readonly env: Readonly<Record<string, string | undefined>>}): boolean {
  return context.isTTY === true && context.env['NO_COLOR'] === undefined && context.env['TERM'] !== 'dumb'
}

/** How to format diagnostics. */
export interface FormatOptions {
  /** Use ANSI colours (only for a TTY, and never under `NO_COLOR`). */
  readonly color?: boolean
  /** Print each rule's fix tip under its message. */
  readonly tips?: boolean
  /** Fold a translation's warnings that it is behind into one line per locale naming this command, which lists each (default: each is printed). */
  readonly summarize?: string | undefined
}

// Warnings in a translation's folder that follow the source's changes: the
// translator's to-do list, not the editor's problem (errors are never folded).
const BEHIND = ['translation-outdated', 'translation-missing', 'translation-parity', 'step-count']

/**
 * How serious a diagnostic is: an `error` stops the build (a fatal vfile
 * message); a `warning` is shown but passes the build and `npm test`
 * (`check --strict` fails on it). A rule's reports have its severity.
 */
export type Severity = 'error' | 'warning'

/** One diagnostic, flat, as the check API, tests and JSON output give it. */
export interface Diagnostic {
  /** The file's path, under the content folder as it was given (`content/guide.md`). */
  readonly file: string
  /** 1-based line. */
  readonly line: number
  /** 1-based column. */
  readonly column: number
  /** The rule that reported it (`unknown` when none did). */
  readonly ruleId: string
  /** `error` (the build stops) or `warning`. */
  readonly severity: Severity
  /** What is wrong: what was expected and what was found. */
  readonly reason: string
  /** How to fix it, or `null` when there is no advice. */
  readonly tip: string | null
  /** `true` exactly when `severity` is `error` (kept for `--format json` readers). */
  readonly fatal: boolean
}

/**
 * Flatten files' messages into diagnostics, sorted by file, line, column.
 *
 * @param files Files with vfile messages.
 * @returns One diagnostic per message, each with its own tip.
 * @example
 *   diagnostics(result.files).filter((d) => d.severity === 'error')
 */
export function diagnostics(files: readonly VFile[]): Diagnostic[] {
  return files
    .flatMap((file) =>
      file.messages.map((message: VFileMessage): Diagnostic => ({
        file: file.path,
        line: message.line ?? 1,
        column: message.column ?? 1,
        ruleId: message.ruleId ?? 'unknown',
        severity: message.fatal === true ? 'error' : 'warning',
        reason: message.reason,
        tip: typeof message.note === 'string' && message.note !== '' ? message.note : null,
        fatal: message.fatal === true,
      })),
    )
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column))
}

// Workflow-command escaping, as in @actions/core's `command.ts`: the message
// escapes `%`, CR and LF; property values also escape `:` and `,`. Control
// and bidi characters are escaped too: a CI log is a terminal.
const escapeData = (text: string): string => escapeControl(text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A'))
const escapeProperty = (text: string): string => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C')

/**
 * Format diagnostics as GitHub Actions workflow commands
 * (`::error file=…,line=…,col=…,title=rule-id::reason`), which a workflow
 * turns into annotations on the pull request's lines. The tip follows the
 * reason on a second line of the annotation.
 *
 * @param found Diagnostics, as {@link diagnostics} returns them.
 * @returns One command a line, or `''` when there is nothing to say.
 * @example
 *   formatGithub([{file: 'content/guide.md', line: 1, column: 1, ruleId: 'no-html', severity: 'error', reason: 'Expected…', tip: null, fatal: true}])
 *   // '::error file=content/guide.md,line=1,col=1,title=no-html::Expected…\n'
 */
export function formatGithub(found: readonly Diagnostic[]): string {
  return found
    .map((d) => {
      const properties = `file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.ruleId)}`
      const text = d.tip === null ? d.reason : `${d.reason}\ntip: ${d.tip}`
      return `::${d.severity} ${properties}::${escapeData(text)}\n`
    })
    .join('')
}

/**
 * Format messages as `file:line:column: error reason  rule-id`, one a line,
 * the form editors and terminals turn into links: errors first, then
 * warnings, then (with `summarize`) one line per locale counting the warnings
 * that its translation is behind; a count closes the report.
 * File names and reasons carry content (front-matter keys, file names), so
 * their control characters are escaped ({@link escapeControl}): a hostile name
 * cannot forge a line or send escape sequences to the terminal.
 *
 * @param files Files with vfile messages.
 * @param options Colour, tips and the summary of translation warnings.
 * @returns The report, or `''` when there is nothing to say.
 * @example
 *   formatDiagnostics(result.files, {tips: true, summarize: 'npm run check:content -- --verbose'})
 */
export function formatDiagnostics(files: readonly VFile[], options: FormatOptions = {}): string {
  const paint = (open: number, close: number, text: string): string =>
    options.color === true ? `\u001B[${open}m${text}\u001B[${close}m` : text
  const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`
  const lines: string[] = []
  const behind = new Map<string, Diagnostic[]>()
  // Sorting is stable: the errors, then the warnings, each in file order.
  const found = diagnostics(files).sort((a, b) => Number(b.fatal) - Number(a.fatal))
  for (const d of found) {
    // The locale's folder: `content/locales/es` of `content/locales/es/steps/01-….md`.
    const folder = options.summarize === undefined || d.fatal || !BEHIND.includes(d.ruleId) ? undefined : /^(?:.*[\\/])?locales[\\/][^\\/]+/.exec(d.file)?.[0]
    if (folder !== undefined) {
      behind.set(folder, [...(behind.get(folder) ?? []), d])
      continue
    }
    const level = d.fatal ? paint(31, 39, 'error') : paint(33, 39, 'warning')
    lines.push(`${escapeControl(d.file)}:${d.line}:${d.column}: ${level} ${escapeControl(d.reason)}  ${paint(2, 22, escapeControl(d.ruleId))}`)
    // Each message's own tip: one rule may give different tips for different problems.
    if (options.tips === true && d.tip !== null) lines.push(`  tip: ${escapeControl(d.tip)}`)
  }
  for (const [folder, list] of behind) {
    const counts = BEHIND.map((rule) => [rule, list.filter((d) => d.ruleId === rule).length] as const).filter(([, count]) => count > 0)
    lines.push(`${escapeControl(folder)}: ${plural(list.length, 'warning')} that the translation is behind the source (${counts.map(([rule, count]) => `${count} ${rule}`).join(', ')}); \`${escapeControl(options.summarize ?? '')}\` lists each`)
  }
  if (found.length === 0) return ''
  const errors = found.filter((d) => d.fatal).length
  lines.push(`${plural(errors, 'error')}, ${plural(found.length - errors, 'warning')}`)
  return `${lines.join('\n')}\n`
}
