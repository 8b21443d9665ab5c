import {guide} from '../../src/index.js'
import {UsageError, parseFormat, parseWholeNumber, quote} from '../args.js'
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

const TOO = {'too-small': ', which is too small', 'too-large': ', which is too large', 'not-a-whole-number': ''} as const

function readRound(value: string | undefined): number {
  // Without --round: the first round the guide covers, the interview it is named for.
  if (value === undefined) return FIRST
  const round = parseWholeNumber(value, FIRST, LAST)
  if (!round.ok) throw new UsageError(`expected --round to be ${ROUNDS}, received ${quote(value)}${TOO[round.problem]}`, NAME)
  return round.value
}

/** `checklist [--round <r>]`: print the checklist for one interview round. */
export const checklistCommand: Command = {
  name: NAME,
  synopsis: '[--round <r>] [--format <format>] [--locale <tag>]',
  summary: 'Print the checklist for one interview round, its text worded for that round.',
  details: [
    `  --round <r>        the interview round, ${ROUNDS} (default: ${FIRST})`,
    ...(guide.rounds.to === null ? ['                     (the largest number JavaScript counts exactly; a larger one is too large)'] : []),
    FORMAT_HELP,
    LOCALE_HELP,
  ],
  options: {round: {type: 'string'}, format: {type: 'string'}, ...LOCALE_OPTION},
  maxPositionals: 0,
  async run({values}, io) {
    const format = parseFormat(values['format'], NAME)
    const round = readRound(values['round'])
    // Every locale has the source's rounds, so --round is read before loading one.
    const {checklistForRound, guide: shown} = await readLocale(values['locale'], NAME, io)
    printResult(io, format, checklistForRound(round), {
      text: (value, styles) => formatChecklistText(value, round, styles, shown),
      markdown: formatChecklistMarkdown,
    })
    return 0
  },
}
