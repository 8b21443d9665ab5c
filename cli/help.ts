import {guide} from '../src/index.js'
import {escapeControl} from './color.js'
import type {Command} from './command.js'

/** The bin's name, as typed. */
export const PROGRAM = 'ace-second-interview'

/**
 * The help for the whole program: commands, global options, exit statuses.
 *
 * @param commands Every command, in the order to list them.
 * @returns Several lines ending in a newline.
 * @example
 *   programHelp(COMMANDS)
 */
export function programHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => `${command.name} ${command.synopsis}`.length))
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    `${escapeControl(guide.title)}, from the command line.`,
    '',
    'Commands:',
    ...commands.map((command) => `  ${`${command.name} ${command.synopsis}`.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    '  -h, --help     show help; after a command, that command\'s help',
    '  -v, --version  print the version',
    '',
    'Exit status: 0 done, 1 content errors (check, translation), a refused import or output that cannot be written, 2 bad arguments.',
    '',
  ].join('\n')
}

/**
 * The help for one command: its usage line, what it does, its arguments and options.
 *
 * @param command The command.
 * @returns Several lines ending in a newline.
 * @example
 *   commandHelp(stepCommand)
 */
export function commandHelp(command: Command): string {
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
