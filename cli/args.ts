import {type ParseArgsConfig, parseArgs} from 'node:util'
import {isGuideError} from '../src/index.js'

/** The output formats every reader command accepts. */
const FORMATS = ['text', 'markdown', 'json'] as const

/** One output format. */
export type Format = (typeof FORMATS)[number]

// Recognised by code, like the runtime's errors, not by instanceof.
const USAGE_ERROR_CODE = 'ERR_CLI_USAGE'

/** Bad command-line arguments: reported with the usage, exit status 2. */
export class UsageError extends Error {
  /** Stable code of every usage error. */
  readonly code = USAGE_ERROR_CODE
  override name = 'UsageError'

  /**
   * @param message One line: what was expected and what was received.
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
 * Tell whether a caught value is a {@link UsageError}.
 *
 * @param value Anything caught.
 * @returns `true` when it carries the usage error's code.
 * @example
 *   isUsageError(new UsageError('expected a command')) // true
 */
export function isUsageError(value: unknown): value is UsageError {
  return value instanceof Error && (value as {code?: unknown}).code === USAGE_ERROR_CODE
}

/** Options of one command, in `node:util` `parseArgs` form. */
export type OptionsConfig = NonNullable<ParseArgsConfig['options']>

/** What {@link parseCommandLine} found. */
export interface ParsedArgs {
  /** String options by name (`--format json` → `{format: 'json'}`). */
  readonly values: Readonly<Record<string, string | undefined>>
  /** Arguments that are not options. */
  readonly positionals: readonly string[]
  /** Whether `--help` or `-h` was given. */
  readonly help: boolean
}

/**
 * Parse a command's arguments strictly: unknown options, missing option
 * values and too many arguments are errors, never ignored.
 *
 * @param command The command's name, for messages (`undefined` before a command).
 * @param args The arguments after the command's name.
 * @param options The command's string options; `--help`/`-h` is added.
 * @param maxPositionals How many non-option arguments the command takes.
 * @returns The option values, the positionals and whether help was asked for.
 * @throws {UsageError} On anything `parseArgs` rejects or too many arguments.
 * @example
 *   parseCommandLine('steps', ['--format', 'json'], {format: {type: 'string'}}, 0)
 */
export function parseCommandLine(command: string | undefined, args: readonly string[], options: OptionsConfig, maxPositionals: number): ParsedArgs {
  let parsed: {values: Record<string, unknown>; positionals: string[]}
  try {
    parsed = parseArgs({
      args: [...args],
      options: {...options, help: {type: 'boolean', short: 'h'}},
      strict: true,
      allowPositionals: maxPositionals > 0,
    })
  } catch (error) {
    // parseArgs messages can run over several lines; the reason stays on one.
    throw new UsageError((error as Error).message.replace(/\s*\n\s*/g, ' '), command)
  }
  const {help, ...rest} = parsed.values
  if (help !== true && parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals[maxPositionals] ?? ''
    throw new UsageError(`expected at most ${maxPositionals} argument${maxPositionals === 1 ? '' : 's'}, received also ${JSON.stringify(extra)}`, command)
  }
  return {values: rest as Record<string, string | undefined>, positionals: parsed.positionals, help: help === true}
}

/**
 * Read the `--format` option.
 *
 * @param value The option's value, `undefined` when not given.
 * @param command The command's name, for messages.
 * @param allowed The formats the command supports (default: all).
 * @returns The format; `'text'` when none was given.
 * @throws {UsageError} When the value is not one of `allowed`.
 * @example
 *   parseFormat('json', 'steps') // 'json'
 */
export function parseFormat(value: string | undefined, command: string, allowed: readonly Format[] = FORMATS): Format {
  if (value === undefined) return 'text'
  const format = allowed.find((known) => known === value)
  if (format === undefined) {
    throw new UsageError(`expected --format to be one of ${allowed.join(', ')}, received ${JSON.stringify(value)}`, command)
  }
  return format
}

/**
 * Read a whole number written in digits only (`'3'`, `'03'`); anything else
 * (`'x'`, `'2.5'`, `'-1'`, `''`) is not one.
 *
 * @param value A command-line argument.
 * @returns The number, or `undefined` when `value` is not all digits.
 * @example
 *   parseDigits('12') // 12
 *   parseDigits('1e3') // undefined
 */
export function parseDigits(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined
}

/**
 * Call the runtime, turning the errors it throws for a bad argument into
 * usage errors that carry its message.
 *
 * @param command The command's name, for messages.
 * @param call A call into the runtime API.
 * @returns What `call` returns.
 * @throws {UsageError} When `call` throws one of the runtime's errors; any other error is rethrown.
 * @example
 *   fromRuntime('step', () => getStep(9)) // throws UsageError('getStep(n): expected "n" …')
 */
export function fromRuntime<T>(command: string, call: () => T): T {
  try {
    return call()
  } catch (error) {
    if (isGuideError(error)) throw new UsageError(error.message, command)
    throw error
  }
}
