import {guide} from '#main'
import {UsageError, parseFormat, quote} from '../args.js'
import type {Command} from '../command.js'
import {FORMAT_HELP, formatChecklistMarkdown, formatChecklistText, printResult} from '../format.js'
import {LOCALE_HELP, LOCALE_OPTION, readLocale} from '../locale.js'

const NAME = 'checklist'

// The runtime takes any safe integer from the first round: a round past
// Number.MAX_SAFE_INTEGER cannot be counted exactly, so it is "too large"
// here, as the help says, rather than rounded to a neighbour.
const FIRST = guide.rounds.from
const LAST = guide.rounds.to ?? Number.MAX_SAFE_INTEGER

/** What --round takes, in the words of both the help and the errors. */
const ROUNDS = `a whole number from ${FIRST} to ${LAST}`

/**
 * Read `--round` (for `checklist` and `step`).
 *
 * @param value The option's value; `undefined` when not given (the guide's first round, the interview it is named for).
 * @param command The command's name, for messages.
 * @returns The round.
 * @throws {UsageError} When it is not a whole number in the guide's rounds.
 */
export function readRound(value: string | undefined, command: string): number {
  if (value === undefined) return FIRST
  // ASCII digits only, compared as a BigInt: a number too large for
  // JavaScript is "too large", never rounded into range.
  const round = /^[0-9]+$/.test(value) ? BigInt(value) : undefined
  if (round === undefined || round < FIRST || round > LAST) {
    const why = round === undefined ? '' : round < FIRST ? ', which is too small' : ', which is too large'
    throw new UsageError(`expected --round to be ${ROUNDS}, received ${quote(value)}${why}`, command)
  }
  return Number(round)
}

/** The help lines for `--round`, after its description. */
export const ROUND_HELP = (what: string): string[] => [
  `  --round <r>        ${what}, ${ROUNDS} (default: ${FIRST})`,
  ...(guide.rounds.to === null ? ['                     (the largest number JavaScript counts exactly; a larger one is too large)'] : []),
]

/** `checklist [--round <r>]`: print the checklist for one interview round. */
export const checklistCommand: Command = {
  name: NAME,
  synopsis: '[--round <r>] [--format <format>] [--locale <tag>]',
  summary: 'Print the checklist for one interview round, its text worded for that round.',
  details: [...ROUND_HELP('the interview round'), FORMAT_HELP, LOCALE_HELP],
  options: {round: {type: 'string'}, format: {type: 'string'}, ...LOCALE_OPTION},
  maxPositionals: 0,
  async run({values}, io) {
    const format = parseFormat(values['format'], NAME)
    const round = readRound(values['round'], NAME)
    // Every locale has the source's rounds, so --round is read before loading one.
    const shown = await readLocale(values['locale'], NAME, io)
    printResult(io, format, shown.checklistForRound(round), {
      text: (value, styles) => formatChecklistText(value, round, styles, shown),
      markdown: formatChecklistMarkdown,
    })
    return 0
  },
}
