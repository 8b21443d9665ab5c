import {guide} from '../src/index.js'
import {UsageError, isUsageError, parseCommandLine} from './args.js'
import type {Command, Io} from './command.js'
import {checkCommand} from './commands/check.js'
import {checklistCommand} from './commands/checklist.js'
import {stepCommand} from './commands/step.js'
import {stepsCommand} from './commands/steps.js'
import {PROGRAM, commandHelp, programHelp} from './help.js'

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [stepsCommand, stepCommand, checklistCommand, checkCommand]

/** Options allowed before (instead of) a command. */
function runGlobal(args: readonly string[], io: Io): number {
  const {values, help} = parseCommandLine(undefined, args, {version: {type: 'boolean'}}, 0)
  if (help) {
    io.stdout.write(programHelp(COMMANDS))
    return 0
  }
  // The one boolean option besides --help; ParsedArgs types values as strings.
  if ((values as Record<string, unknown>)['version'] === true) {
    io.stdout.write(`${guide.version}\n`)
    return 0
  }
  throw new UsageError('expected a command')
}

async function dispatch(args: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = args
  if (name === undefined) throw new UsageError(`expected a command (${COMMANDS.map((c) => c.name).join(', ')}), received nothing`)
  if (name.startsWith('-')) return runGlobal(args, io)
  const command = COMMANDS.find((known) => known.name === name)
  if (command === undefined) {
    throw new UsageError(`unknown command "${name}"; expected one of ${COMMANDS.map((c) => c.name).join(', ')}`)
  }
  const parsed = parseCommandLine(command.name, rest, command.options, command.maxPositionals)
  if (parsed.help) {
    io.stdout.write(commandHelp(command))
    return 0
  }
  return command.run(parsed, io)
}

/**
 * Run the command line. Bad arguments print one line saying why and the
 * usage to stderr, and nothing to stdout.
 *
 * @param args The arguments after the program's name (`process.argv.slice(2)`).
 * @param io Where to write, the environment and the working directory.
 * @returns The exit status: 0 done, 1 content errors (`check`), 2 bad arguments.
 * @throws Whatever an unexpected failure (e.g. an unreadable file) throws.
 * @example
 *   process.exitCode = await run(process.argv.slice(2), {stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd()})
 */
export async function run(args: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(args, io)
  } catch (error) {
    if (!isUsageError(error)) throw error
    const command = COMMANDS.find((known) => known.name === error.command)
    const where = command === undefined ? PROGRAM : `${PROGRAM} ${command.name}`
    io.stderr.write(`${where}: ${error.message}\n\n${command === undefined ? programHelp(COMMANDS) : commandHelp(command)}`)
    return 2
  }
}
