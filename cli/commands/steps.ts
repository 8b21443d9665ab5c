import {listSteps} from '../../src/index.js'
import {parseFormat} from '../args.js'
import type {Command} from '../command.js'
import {FORMAT_HELP, formatStepsMarkdown, formatStepsText, printResult} from '../format.js'

/** `steps`: list the steps. */
export const stepsCommand: Command = {
  name: 'steps',
  synopsis: '[--format <format>]',
  summary: 'List the steps: number, title, id and summary.',
  details: [FORMAT_HELP],
  options: {format: {type: 'string'}},
  maxPositionals: 0,
  run({values}, io) {
    const format = parseFormat(values['format'], 'steps')
    printResult(io, format, listSteps(), {text: formatStepsText, markdown: formatStepsMarkdown})
    return 0
  },
}
