import {guide} from '#main'
import {UsageError, parseCommandLine, quote} from './args.js'
import {type Command, type Io, PROGRAM} from './command.js'
import {changesCommand} from './commands/changes.js'
import {CHECK_MISSING} from './check-run.js'
import {checkCommand} from './commands/check.js'
import {checklistCommand} from './commands/checklist.js'
import {localesCommand} from './commands/locales.js'
import {stepCommand} from './commands/step.js'
import {stepsCommand} from './commands/steps.js'
import {translationCommand} from './commands/translation.js'
import {escapeControl} from '../pipeline/terminal.js'

/** `help [command]`: the help as a command too, as in git and npm. */
const helpCommand: Command = {
  name: 'help',
  synopsis: '[command]',
  summary: 'Print the help, or one command\'s help (the same as <command> --help).',
  details: ['  [command]          a command; without one, the help for the whole program'],
  options: {},
  maxPositionals: 1,
  run({positionals: [name]}, io) {
    io.stdout.write(name === undefined ? programHelp() : commandHelp(findCommand(name, 'help')))
    return 0
  },
}

/** Every command, in the order the help lists them. */
const COMMANDS: readonly Command[] = [stepsCommand, stepCommand, checklistCommand, checkCommand, localesCommand, translationCommand, changesCommand, helpCommand]

// The help for the whole program: commands, global options, exit statuses.
function programHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => `${command.name} ${command.synopsis}`.length))
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    `${escapeControl(guide.title)}, from the command line.`,
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${`${command.name} ${command.synopsis}`.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    '  -h, --help     show help; after a command, that command\'s help',
    '  -v, --version  print the version',
    '',
    'Exit status: 0 done, 1 content errors (check, locales, translation), a refused import or output that cannot be written, 2 bad arguments.',
    '',
  ].join('\n')
}

// The help for one command: its usage line, what it does, its arguments and options.
function commandHelp(command: Command): string {
  return [
    `Usage: ${PROGRAM} ${command.name} ${command.synopsis}`,
    '',
    command.summary,
    '',
    'Arguments and options:',
    ...command.details,
    '  -h, --help         show this help',
    '',
  ].join('\n')
}

const NAMES = COMMANDS.map((command) => command.name).join(', ')

function findCommand(name: string, asker?: string): Command {
  const command = COMMANDS.find((known) => known.name === name)
  if (command === undefined) throw new UsageError(`expected a command (${NAMES}), received ${quote(name)}`, asker)
  return command
}

/** Options allowed before (instead of) a command. */
function runGlobal(args: readonly string[], io: Io): number {
  const {flags, help} = parseCommandLine(undefined, args, {version: {type: 'boolean', short: 'v'}}, 0)
  if (help) {
    io.stdout.write(programHelp())
    return 0
  }
  if (flags.has('version')) {
    io.stdout.write(`${guide.version}\n`)
    return 0
  }
  // Only `--` was given.
  throw new UsageError(`expected a command (${NAMES}), received nothing`)
}

async function dispatch(args: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = args
  if (name === undefined) throw new UsageError(`expected a command (${NAMES}), received nothing`)
  if (name.startsWith('-')) return runGlobal(args, io)
  const command = findCommand(name)
  const parsed = parseCommandLine(command.name, rest, command.options, command.maxPositionals)
  if (parsed.help) {
    io.stdout.write(commandHelp(command))
    return 0
  }
  return command.run(parsed, io)
}

/**
 * Run the command line. Bad arguments print one line saying why (quoting what
 * was typed, in the words of `--help`) and the usage to stderr, and nothing to
 * stdout.
 *
 * @param args The arguments after the program's name (`process.argv.slice(2)`).
 * @param io Where to write, the environment and the working directory.
 * @returns The exit status: 0 done, 1 content errors (`check`), 2 bad arguments or no check package (`check`, `locales`, `translation`).
 * @throws Whatever an unexpected failure (e.g. an unreadable file) throws.
 * @example
 *   process.exitCode = await run(process.argv.slice(2), {stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd()})
 */
export async function run(args: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(args, io)
  } catch (error) {
    // `check`, `locales` or `translation` without the check package: one line naming the install.
    if ((error as {code?: unknown} | undefined)?.code === CHECK_MISSING) {
      io.stderr.write(`${PROGRAM} ${args[0]}: ${(error as Error).message}\n`)
      return 2
    }
    if (!(error instanceof UsageError)) throw error
    const command = COMMANDS.find((known) => known.name === error.command)
    const where = command === undefined ? PROGRAM : `${PROGRAM} ${command.name}`
    io.stderr.write(`${where}: ${error.message}\n\n${command === undefined ? programHelp() : commandHelp(command)}`)
    return 2
  }
}
