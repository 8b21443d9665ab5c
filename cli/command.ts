import type {OptionsConfig, ParsedArgs} from './args.js'

/** The bin's name, as typed. */
export const PROGRAM = 'ace-second-interview'

/** A stream the command line writes to. */
export interface Output {
  /** Write text as it is. */
  write(text: string): unknown
  /** Whether the stream is a terminal. */
  readonly isTTY?: boolean | undefined
}

/** Everything a command touches outside itself, so it can be run in tests. */
export interface Io {
  /** Where results go. */
  readonly stdout: Output
  /** Where usage errors go. */
  readonly stderr: Output
  /** The environment (`NO_COLOR`). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** The working directory: default content folder and base of reported paths. */
  readonly cwd: string
}

/** One subcommand of `ace-second-interview`. */
export interface Command {
  /** The word that selects it, e.g. `'checklist'`. */
  readonly name: string
  /** What follows the name in the usage line, e.g. `'<n|id> [--format <format>]'`. */
  readonly synopsis: string
  /** One line saying what it does. */
  readonly summary: string
  /**
   * Help lines for its arguments and options, as printed: each indented two
   * spaces, its text in the column the others' is in (`--help` is added).
   */
  readonly details: readonly string[]
  /** Its string options, in `parseArgs` form. */
  readonly options: OptionsConfig
  /** How many non-option arguments it takes at most. */
  readonly maxPositionals: number
  /**
   * Do the work.
   *
   * @param args The parsed arguments.
   * @param io Where to write.
   * @returns The exit status (0 or 1; bad arguments throw a `UsageError`).
   */
  readonly run: (args: ParsedArgs, io: Io) => number | Promise<number>
}
