import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {escapeControl} from './terminal.js'

// Colour is for people at a terminal: never in a pipe or a file, never when
// the user asked for none (https://no-color.org), never on a terminal that
// says it cannot show it (`TERM=dumb`, e.g. Emacs' shell buffers).

/** What decides whether output is coloured. */
export interface ColorContext {
  /** Whether the stream written to is a terminal (`stream.isTTY`). */
  readonly isTTY: boolean | undefined
  /** The environment (`process.env`). */
  readonly env: Readonly<Record<string, string | undefined>>
}

/**
 * Decide whether to colour output written to one stream.
 *
 * @param context The stream's `isTTY` and the environment.
 * @returns `true` only when the stream is a TTY, `NO_COLOR` is not set at
 *   all and `TERM` is not `dumb`; any value of `NO_COLOR`, even the empty
 *   string, turns colour off, as in the build scripts.
 * @example
 *   shouldUseColor({isTTY: process.stdout.isTTY, env: process.env})
 */
export function shouldUseColor(context: ColorContext): boolean {
  return context.isTTY === true && context.env['NO_COLOR'] === undefined && context.env['TERM'] !== 'dumb'
}

/** How to format diagnostics. */
export interface FormatOptions {
  /** Use ANSI colours (only for a TTY, and never under `NO_COLOR`). */
  readonly color?: boolean
  /** Print each rule's fix tip under its message. */
  readonly tips?: boolean
}

/** One diagnostic, flat, as tests and JSON output want it. */
export interface Diagnostic {
  readonly file: string
  readonly line: number
  readonly column: number
  readonly ruleId: string
  readonly reason: string
  readonly fatal: boolean
}

/**
 * Flatten files' messages into diagnostics, sorted by file, line, column.
 *
 * @param files Files with vfile messages.
 */
export function diagnostics(files: readonly VFile[]): Diagnostic[] {
  return files
    .flatMap((file) =>
      file.messages.map((message: VFileMessage) => ({
        file: file.path,
        line: message.line ?? 1,
        column: message.column ?? 1,
        ruleId: message.ruleId ?? 'unknown',
        reason: message.reason,
        fatal: message.fatal === true,
      })),
    )
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column))
}

/**
 * Format messages as `file:line:column: error reason  rule-id`, one a line,
 * the form editors and terminals turn into links; a count closes the report.
 * File names and reasons carry content (front-matter keys, file names), so
 * their control characters are escaped ({@link escapeControl}): a hostile name
 * cannot forge a line or send escape sequences to the terminal.
 *
 * @param files Files with vfile messages.
 * @param options Colour and tips.
 * @returns The report, or `''` when there is nothing to say.
 */
export function formatDiagnostics(files: readonly VFile[], options: FormatOptions = {}): string {
  const paint = (open: number, close: number, text: string): string =>
    options.color === true ? `\u001B[${open}m${text}\u001B[${close}m` : text
  // Each message's own tip: one rule may give different tips for different problems.
  const key = (file: string, line: number, column: number, ruleId: string, reason: string): string =>
    JSON.stringify([file, line, column, ruleId, reason])
  const notes = new Map(
    files.flatMap((file) =>
      file.messages.map((m) => [key(file.path, m.line ?? 1, m.column ?? 1, m.ruleId ?? 'unknown', m.reason), m.note] as const),
    ),
  )
  const lines: string[] = []
  const found = diagnostics(files)
  for (const d of found) {
    const level = d.fatal ? paint(31, 39, 'error') : paint(33, 39, 'warning')
    lines.push(`${escapeControl(d.file)}:${d.line}:${d.column}: ${level} ${escapeControl(d.reason)}  ${paint(2, 22, escapeControl(d.ruleId))}`)
    const tip = notes.get(key(d.file, d.line, d.column, d.ruleId, d.reason))
    if (options.tips === true && tip !== undefined) lines.push(`  tip: ${escapeControl(tip)}`)
  }
  if (found.length === 0) return ''
  const errors = found.filter((d) => d.fatal).length
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${found.length - errors} warning${found.length - errors === 1 ? '' : 's'}`)
  return `${lines.join('\n')}\n`
}
