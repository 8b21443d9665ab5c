import {type Step, type StepId, type StepNumber, getStep, getStepById, guide} from '../../src/index.js'
import {UsageError, fromRuntime, parseDigits, parseFormat} from '../args.js'
import type {Command} from '../command.js'
import {FORMAT_HELP, formatStepMarkdown, formatStepText, printResult} from '../format.js'

const NAME = 'step'

/** Digits only is a step number (`getStep`); anything else a step id (`getStepById`). */
function findStep(value: string): Step {
  const number = parseDigits(value)
  return fromRuntime(NAME, () => (number === undefined ? getStepById(value as StepId) : getStep(number as StepNumber)))
}

/** `step <n|id>`: print one step. */
export const stepCommand: Command = {
  name: NAME,
  synopsis: '<n|id> [--format <format>]',
  summary: 'Print one step: title, summary, paragraphs and checklist.',
  details: [
    `  <n|id>             a step number (1 to ${guide.steps.length}) or a step id (${guide.steps.map((step) => step.id).join(', ')})`,
    FORMAT_HELP,
  ],
  options: {format: {type: 'string'}},
  maxPositionals: 1,
  run({values, positionals}, io) {
    const format = parseFormat(values['format'], NAME)
    const [value] = positionals
    if (value === undefined) {
      throw new UsageError(`expected a step number (1 to ${guide.steps.length}) or a step id, received nothing`, NAME)
    }
    printResult(io, format, findStep(value), {text: formatStepText, markdown: formatStepMarkdown})
    return 0
  },
}
