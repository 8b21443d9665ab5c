// How the reader commands print steps and checklists. JSON is the runtime's
// own objects, every control and bidi character as `\uXXXX`; text is for
// reading at a terminal; markdown is a printable task list. Text and markdown
// end up on a terminal too (`steps | less -R`, `cat round-3.md`), so every
// string they take from the content goes through `escapeControl` first:
// content can never send the terminal an escape sequence or forge a line.
import * as source from '#main'
import type {ChecklistItem, Guide, LocaleModule, Step} from '#main'
import {escapeJson} from '../src/describe.js'
import type {Format} from './args.js'
import {shouldUseColor} from '../pipeline/report.js'
import {escapeControl as safe} from '../pipeline/terminal.js'
import type {Io} from './command.js'

/** The help line for `--format`, shared by the reader commands. */
export const FORMAT_HELP = '  --format <format>  text (default), markdown (a printable task list) or json (the API\'s objects)'

/**
 * Make the text styles (bold for headings and titles, dim for ids), as ANSI
 * escapes or as no-ops.
 *
 * @param color Whether to colour (see `shouldUseColor`).
 * @returns Functions that wrap text in ANSI codes when `color` is `true` and
 *   return it unchanged otherwise.
 * @example
 *   createStyles(false).bold('Make a plan') // 'Make a plan'
 */
export function createStyles(color: boolean) {
  const paint =
    (open: number, close: number) =>
    (text: string): string =>
      color ? `\u001B[${open}m${text}\u001B[${close}m` : text
  return {bold: paint(1, 22), dim: paint(2, 22)}
}

/** The few text styles the command line uses. */
export type Styles = ReturnType<typeof createStyles>

/**
 * Write a runtime result to stdout in the chosen format. Only text is ever
 * coloured, and only when stdout is a terminal and `NO_COLOR` is unset.
 *
 * @param io Where to write, and the environment.
 * @param format The format asked for.
 * @param value The runtime's result, printed as is for `json`.
 * @param printers The text form (for reading at a terminal; may use styles)
 *   and the markdown form (for printing or pasting); JSON needs no help.
 * @example
 *   printResult(io, 'markdown', checklistForRound(2), {text: …, markdown: formatChecklistMarkdown})
 */
export function printResult<T>(io: Io, format: Format, value: T, printers: {text: (value: T, styles: Styles) => string; markdown: (value: T) => string}): void {
  if (format === 'json') io.stdout.write(formatJson(value))
  else if (format === 'markdown') io.stdout.write(printers.markdown(value))
  else io.stdout.write(printers.text(value, createStyles(shouldUseColor({isTTY: io.stdout.isTTY, env: io.env}))))
}

/**
 * Serialise a runtime result exactly as the API returns it.
 *
 * @param value What `listSteps`, `getStep` or `checklistForRound` returned.
 * @returns Two-space-indented JSON and a final newline.
 * @example
 *   formatJson(getStep(2))
 */
export function formatJson(value: unknown): string {
  return `${escapeJson(JSON.stringify(value, null, 2))}\n`
}

// The words around the content are the guide's own (`guide.labels`, from its
// locale's guide.md), filled in: a new language needs no code here.
function stepHeading(step: Step, guide: Guide): string {
  const values: Readonly<Record<string, string>> = {step: String(step.number), steps: String(guide.steps.length), title: step.title}
  return safe(guide.labels.stepHeading.replace(/\{(steps?|title)\}/g, (_whole, name: string) => values[name] ?? ''))
}

/** The locale a step or checklist is printed in: its guide, and its round headings. */
export type Shown = Pick<LocaleModule, 'guide' | 'roundHeading'>

/**
 * Print the list of steps for reading: number, title, id, summary.
 *
 * @param steps The steps (`listSteps()`).
 * @param styles Text styles (colour or none).
 * @param guide The guide they come from, for its title (default: the source's; pass the `--locale` one).
 * @returns The guide's title, then one block per step.
 * @example
 *   formatStepsText(listSteps(), createStyles(false))
 */
export function formatStepsText(steps: readonly Step[], styles: Styles, guide: Guide = source.guide): string {
  const lines = [styles.bold(safe(guide.title)), '']
  for (const step of steps) {
    lines.push(`${step.number}. ${styles.bold(safe(step.title))}  ${styles.dim(safe(step.id))}`, `   ${safe(step.summary)}`)
  }
  return `${lines.join('\n')}\n`
}

/**
 * Print the list of steps as a markdown task list, one step a line.
 *
 * @param steps The steps (`listSteps()`).
 * @param guide The guide they come from, for its title and labels (default: the source's; pass the `--locale` one).
 * @returns A `# title` heading and `- [ ] <step heading>. summary` lines.
 * @example
 *   formatStepsMarkdown(listSteps())
 */
export function formatStepsMarkdown(steps: readonly Step[], guide: Guide = source.guide): string {
  const lines = [`# ${safe(guide.title)}`, '', ...steps.map((step) => `- [ ] ${stepHeading(step, guide)}. ${safe(step.summary)}`)]
  return `${lines.join('\n')}\n`
}

/**
 * Print one step for reading: title, summary, paragraphs and checklist.
 *
 * @param step The step (`getStep(n)` or `getStepById(id)`), its checklist the one to print.
 * @param styles Text styles (colour or none).
 * @param locale The locale it comes from (default: the source's), for its labels and step count.
 * @param round The round the checklist is for (default: the guide's first).
 * @returns The step under its heading, its checklist under the round's.
 * @example
 *   formatStepText(getStep(2), createStyles(false))
 */
export function formatStepText(step: Step, styles: Styles, locale: Shown = source, round: number = locale.guide.rounds.from): string {
  const {guide} = locale
  const lines = [
    `${styles.bold(stepHeading(step, guide))}  ${styles.dim(safe(step.id))}`,
    '',
    safe(step.summary),
    '',
    ...step.body.flatMap((paragraph) => [safe(paragraph), '']),
    styles.bold(safe(locale.roundHeading(round))),
    ...step.checklist.map((item) => `  [ ] ${safe(item.text)}`),
  ]
  return `${lines.join('\n')}\n`
}

/**
 * Print one step as markdown: a heading, the summary in italics, the
 * paragraphs, then its checklist as a task list.
 *
 * @param step The step (`getStep(n)` or `getStepById(id)`), its checklist the one to print.
 * @param locale The locale it comes from (default: the source's), for its labels and step count.
 * @param round The round the checklist is for (default: the guide's first).
 * @returns Markdown ending in `- [ ] …` lines.
 * @example
 *   formatStepMarkdown(getStep(2))
 */
export function formatStepMarkdown(step: Step, locale: Shown = source, round: number = locale.guide.rounds.from): string {
  const {guide} = locale
  const lines = [
    `# ${stepHeading(step, guide)}`,
    '',
    `*${safe(step.summary)}*`,
    '',
    ...step.body.flatMap((paragraph) => [safe(paragraph), '']),
    `## ${safe(locale.roundHeading(round))}`,
    '',
    ...step.checklist.map(taskLine),
  ]
  return `${lines.join('\n')}\n`
}

/**
 * Print the checklist for a round for reading, grouped under step titles.
 *
 * @param items The items (`checklistForRound(round)`).
 * @param round The round they were rendered for.
 * @param styles Text styles (colour or none).
 * @param locale The locale they come from, for its labels and the step titles
 *   (default: the source's; pass the `--locale` one, so they are in the items' language).
 * @returns A heading naming the round, then the items under each step.
 * @example
 *   formatChecklistText(checklistForRound(3), 3, createStyles(false))
 */
export function formatChecklistText(items: readonly ChecklistItem[], round: number, styles: Styles, locale: Shown = source): string {
  const {guide} = locale
  const lines = [styles.bold(safe(locale.roundHeading(round)))]
  let stepNumber: number | undefined
  for (const item of items) {
    if (item.stepNumber !== stepNumber) {
      stepNumber = item.stepNumber
      const title = guide.steps.find((step) => step.number === item.stepNumber)?.title ?? ''
      lines.push('', `${stepNumber}. ${styles.bold(safe(title))}`)
    }
    lines.push(`   [ ] ${safe(item.text)}`)
  }
  return `${lines.join('\n')}\n`
}

/**
 * Print the checklist for a round as a printable markdown task list.
 *
 * @param items The items (`checklistForRound(round)`).
 * @returns One `- [ ] text` line per item and nothing else.
 * @example
 *   formatChecklistMarkdown(checklistForRound(2))
 */
export function formatChecklistMarkdown(items: readonly ChecklistItem[]): string {
  return `${items.map(taskLine).join('\n')}\n`
}

function taskLine(item: ChecklistItem): string {
  return `- [ ] ${safe(item.text)}`
}
