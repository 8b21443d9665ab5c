import {type ParseArgsConfig, parseArgs} from 'node:util'
import {escapeControl} from '../pipeline/terminal.js'

/** The output formats every reader command accepts. */
const FORMATS = ['text', 'markdown', 'json'] as const

/** One output format. */
export type Format = (typeof FORMATS)[number]

/** Bad command-line arguments: reported with the usage, exit status 2. */
export class UsageError extends Error {
  /** Stable code of every usage error. */
  readonly code = 'ERR_CLI_USAGE'
  override name = 'UsageError'

  /**
   * @param message One line: what was expected and what was received, worded
   *   for the command line (options and arguments as `--help` names them).
   * @param command The command whose arguments were bad, if one was recognised.
   */
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message)
  }
}

/**
 * Quote what the user typed for a message, exactly as typed: in double quotes,
 * with `"` and `\` backslashed and control characters escaped, so the message
 * stays on one line and the terminal shows the characters instead of obeying them.
 *
 * @param text An argument as typed.
 * @returns The quoted text.
 * @example
 *   quote('99999999999999999999') // '"99999999999999999999"'
 *   quote('x\ny') // '"x\\x0ay"'
 */
export function quote(text: string): string {
  return `"${escapeControl(text.replace(/["\\]/g, '\\$&'))}"`
}

/** Options of one command, in `node:util` `parseArgs` form. */
export type OptionsConfig = NonNullable<ParseArgsConfig['options']>

/** What {@link parseCommandLine} found. */
export interface ParsedArgs {
  /** String options by name (`--format json` → `{format: 'json'}`). */
  readonly values: Readonly<Record<string, string | undefined>>
  /** Boolean options that were given, by name (`--version` → `'version'`). */
  readonly flags: ReadonlySet<string>
  /** Arguments that are not options. */
  readonly positionals: readonly string[]
  /** Whether `--help` or `-h` was given. */
  readonly help: boolean
}

const HELP_OPTION = {help: {type: 'boolean', short: 'h'}} as const satisfies OptionsConfig

/** `--round`, or `-h, --help` for an option with a short form. */
function optionNames(options: OptionsConfig): string {
  return Object.entries(options)
    .map(([name, option]) => (option.short === undefined ? `--${name}` : `-${option.short}, --${name}`))
    .join(', ')
}

/**
 * Parse a command's arguments strictly: unknown options, missing option
 * values, values given to a switch, an option given twice and too many
 * arguments are errors, never ignored. A string option's value may start
 * with a dash (`--round -1` is a round of `-1`, refused by its check).
 *
 * @param command The command's name, for messages (`undefined` before a command).
 * @param args The arguments after the command's name.
 * @param options The command's options; `--help`/`-h` is added.
 * @param maxPositionals How many non-option arguments the command takes.
 * @returns The option values, the switches given, the positionals and whether help was asked for.
 * @throws {UsageError} On any of the above, quoting what was typed.
 * @example
 *   parseCommandLine('steps', ['--format', 'json'], {format: {type: 'string'}}, 0)
 */
export function parseCommandLine(command: string | undefined, args: readonly string[], options: OptionsConfig, maxPositionals: number): ParsedArgs {
  const known: OptionsConfig = {...options, ...HELP_OPTION}
  // Not strict: parseArgs' own messages speak of its API ("Option '--round
  // <value>' argument is ambiguous… '--round=-XYZ'"); the tokens say all
  // that was typed, and the checks below word each problem for this program.
  const {tokens} = parseArgs({args: [...args], options: known, strict: false, allowPositionals: true, tokens: true})
  const values: Record<string, string> = {}
  const flags = new Set<string>()
  const positionals: string[] = []
  const seen = new Map<string, string>()
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value)
    if (token.kind !== 'option') continue
    const option = Object.hasOwn(known, token.name) ? known[token.name] : undefined
    if (option === undefined) {
      throw new UsageError(`expected one of the options ${optionNames(known)}, received ${quote(token.rawName)}`, command)
    }
    const name = `--${token.name}`
    const typed = token.value === undefined ? token.rawName : `${token.rawName}${token.inlineValue === true ? '=' : ' '}${token.value}`
    const before = seen.get(token.name)
    if (before !== undefined) throw new UsageError(`expected ${name} at most once, received ${quote(before)} and ${quote(typed)}`, command)
    seen.set(token.name, typed)
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`expected ${name} without a value, received ${quote(typed)}`, command)
      flags.add(token.name)
    } else {
      if (token.value === undefined) throw new UsageError(`expected a value after ${name}, received nothing`, command)
      values[token.name] = token.value
    }
  }
  const help = flags.has('help')
  flags.delete('help')
  if (!help && positionals.length > maxPositionals) {
    const extra = positionals[maxPositionals] ?? ''
    throw new UsageError(
      maxPositionals === 0
        ? `expected no arguments, received ${quote(extra)}`
        : `expected at most ${maxPositionals} argument${maxPositionals === 1 ? '' : 's'}, received also ${quote(extra)}`,
      command,
    )
  }
  return {values, flags, positionals, help}
}

/**
 * Read the `--format` option.
 *
 * @param value The option's value, `undefined` when not given.
 * @param command The command's name, for messages.
 * @param allowed The formats the command supports, the default first
 *   (default: the reader commands' text, markdown and json).
 * @returns The format; the first allowed when none was given.
 * @throws {UsageError} When the value is not one of `allowed`.
 * @example
 *   parseFormat('json', 'steps') // 'json'
 */
export function parseFormat<F extends string = Format>(value: string | undefined, command: string, allowed: readonly F[] = FORMATS as readonly string[] as readonly F[]): F {
  if (value === undefined) return allowed[0] as F
  const format = allowed.find((known) => known === value)
  if (format === undefined) {
    throw new UsageError(`expected --format to be one of ${allowed.join(', ')}, received ${quote(value)}`, command)
  }
  return format
}
