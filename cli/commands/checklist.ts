import {checklistForRound, guide} from '../../src/index.js'
import {UsageError, fromRuntime, parseDigits, parseFormat} from '../args.js'
import type {Command} from '../command.js'
import {FORMAT_HELP, formatChecklistMarkdown, formatChecklistText, printResult} from '../format.js'

const NAME = 'checklist'

function readRound(value: string | undefined): number {
  // Without --round: the first round the guide covers, the interview it is named for.
  if (value === undefined) return guide.rounds.from
  const round = parseDigits(value)
  if (round === undefined) {
    throw new UsageError(`expected --round to be a whole number from ${guide.rounds.from} upwards, received ${JSON.stringify(value)}`, NAME)
  }
  return round
}

/** `checklist [--round <r>]`: print the checklist for one interview round. */
export const checklistCommand: Command = {
  name: NAME,
  synopsis: '[--round <r>] [--format <format>]',
  summary: 'Print the checklist for one interview round, its text worded for that round.',
  details: [
    `  --round <r>        the interview round, a whole number from ${guide.rounds.from} upwards (default: ${guide.rounds.from})`,
    FORMAT_HELP,
  ],
  options: {round: {type: 'string'}, format: {type: 'string'}},
  maxPositionals: 0,
  run({values}, io) {
    const format = parseFormat(values['format'], NAME)
    const round = readRound(values['round'])
    const items = fromRuntime(NAME, () => checklistForRound(round))
    printResult(io, format, items, {
      text: (value, styles) => formatChecklistText(value, round, styles),
      markdown: formatChecklistMarkdown,
    })
    return 0
  },
}
