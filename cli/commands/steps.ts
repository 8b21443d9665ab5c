import {parseFormat} from '../args.js'
import type {Command} from '../command.js'
import {FORMAT_HELP, formatStepsMarkdown, formatStepsText, printResult} from '../format.js'
import {LOCALE_HELP, LOCALE_OPTION, readLocale} from '../locale.js'

/** `steps`: list the steps. */
export const stepsCommand: Command = {
  name: 'steps',
  synopsis: '[--format <format>] [--locale <tag>]',
  summary: 'List the steps: number, title, id and summary.',
  details: [FORMAT_HELP, LOCALE_HELP],
  options: {format: {type: 'string'}, ...LOCALE_OPTION},
  maxPositionals: 0,
  async run({values}, io) {
    const format = parseFormat(values['format'], 'steps')
    const {guide, listSteps} = await readLocale(values['locale'], 'steps', io)
    printResult(io, format, listSteps(), {text: (steps, styles) => formatStepsText(steps, styles, guide), markdown: (steps) => formatStepsMarkdown(steps, guide)})
    return 0
  },
}
