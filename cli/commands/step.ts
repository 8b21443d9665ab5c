import {type LocaleModule, type Step, guide} from '#main'
import {UsageError, parseFormat, quote} from '../args.js'
import {escapeControl} from '../../pipeline/terminal.js'
import type {Command} from '../command.js'
import {FORMAT_HELP, formatStepMarkdown, formatStepText, printResult} from '../format.js'
import {LOCALE_HELP, LOCALE_OPTION, readLocale} from '../locale.js'
import {ROUND_HELP, readRound} from './checklist.js'

const NAME = 'step'

/** What <n|id> takes, in the words of both the help and the errors. */
const STEPS = `a step number from 1 to ${guide.steps.length} or a step id (${guide.steps.map((step) => escapeControl(step.id)).join(', ')})`

/**
 * Digits only is a step number, anything else a step id. Both are looked up
 * in the guide here, so a bad one is refused in the command line's words,
 * never the API's, and a long number is compared as typed, never rounded.
 */
function findStep(value: string, {getStep, getStepById}: LocaleModule): Step {
  const byNumber = /^[0-9]+$/.test(value)
  const found = guide.steps.find((step) => (byNumber ? BigInt(value) === BigInt(step.number) : step.id === value))
  if (found === undefined) throw new UsageError(`expected ${STEPS}, received ${quote(value)}`, NAME)
  return byNumber ? getStep(found.number) : getStepById(found.id)
}

/** `step <n|id> [--round <r>]`: print one step, its checklist for one round. */
export const stepCommand: Command = {
  name: NAME,
  synopsis: '<n|id> [--round <r>] [--format <format>] [--locale <tag>]',
  summary: 'Print one step: title, summary, paragraphs and checklist.',
  details: [
    `  <n|id>             ${STEPS} (the same in every locale)`,
    ...ROUND_HELP('the interview round to word the checklist for (its items for that round only)'),
    FORMAT_HELP,
    LOCALE_HELP,
  ],
  options: {round: {type: 'string'}, format: {type: 'string'}, ...LOCALE_OPTION},
  maxPositionals: 1,
  async run({values, positionals}, io) {
    const format = parseFormat(values['format'], NAME)
    const [value] = positionals
    if (value === undefined) throw new UsageError(`expected ${STEPS}, received nothing`, NAME)
    // Without --round, the step as getStep gives it (each item worded for its own first round).
    const round = values['round'] === undefined ? undefined : readRound(values['round'], NAME)
    const api = await readLocale(values['locale'], NAME, io)
    const found = findStep(value, api)
    const step = round === undefined ? found : {...found, checklist: api.checklistForRound(round).filter((item) => item.stepId === found.id)}
    printResult(io, format, step, {text: (shown, styles) => formatStepText(shown, styles, api, round), markdown: (shown) => formatStepMarkdown(shown, api, round)})
    return 0
  },
}
