// Fixture prose for the spelling and repeated-words tests: one step written
// from parts, linted by those two rules alone in a given locale, with an
// optional word list. The tests own every word of it.
import {VFile} from 'vfile'
import {parseContent} from '../pipeline/parse/document.js'
import {diagnostics, type Diagnostic} from '../pipeline/report.js'
import {runRules} from '../pipeline/lint/rule.js'
import {repeatedWords} from '../pipeline/lint/rules/repeated-words.js'
import {spelling} from '../pipeline/lint/rules/spelling.js'
import {parseWordList} from '../pipeline/read/words.js'

/** The parts of a fixture step. */
export interface StepParts {
  readonly title?: string
  readonly summary?: string
  readonly body?: string
  readonly items?: readonly string[]
  readonly checklist?: string
}

/** The step file's path in diagnostics. */
export const STEP = 'steps/01-fixture.md'
/** The word list's path in diagnostics. */
export const WORDS = 'words.txt'

/** Line of each part in {@link stepMarkdown}'s output: summary 4, title 7, body 9, items from 13. */
export const LINES = {summary: 4, title: 7, body: 9, items: 13} as const

/**
 * A step in the content convention, each part on a known line ({@link LINES}).
 *
 * @returns The markdown.
 */
export function stepMarkdown(parts: StepParts): string {
  const items = parts.items ?? ['Plan the first answer. {#plan-answer rounds=2+}']
  return [
    '---',
    'id: fixture',
    'step: 1',
    `summary: ${parts.summary ?? 'Plan the round.'}`,
    '---',
    '',
    `# ${parts.title ?? 'Plan'}`,
    '',
    parts.body ?? 'Plan the round.',
    '',
    `## ${parts.checklist ?? 'Checklist'}`,
    '',
    ...items.map((item) => `- [ ] ${item}`),
    '',
  ].join('\n')
}

/**
 * Lint one fixture step with the spelling and repeated-words rules.
 *
 * @param parts The step's parts (or its whole markdown).
 * @param locale The locale the step is written in.
 * @param words The word list's text, when there is one.
 * @returns The diagnostics, sorted by file, line and column.
 */
export function lintProse(parts: StepParts | string, locale: string, words?: string): Diagnostic[] {
  const markdown = typeof parts === 'string' ? parts : stepMarkdown(parts)
  const document = parseContent(new VFile({path: STEP, value: markdown}), 'step')
  const list = words === undefined ? undefined : {file: new VFile({path: WORDS, value: words}), ...parseWordList(words)}
  runRules([spelling, repeatedWords], {
    layout: {missing: [], unexpected: [], unreadable: []},
    sources: [],
    guide: undefined,
    steps: [document],
    coveredRounds: undefined,
    manifest: undefined,
    folder: {tag: locale, sourceTag: 'en-GB', isSource: locale === 'en-GB', checklistHeading: 'Checklist', directory: process.cwd(), name: (file) => file},
    words: list,
    translation: undefined,
  })
  return diagnostics([document.file, ...(list === undefined ? [] : [list.file])])
}

/**
 * Where a word is in a line of the fixture, as diagnostics give it.
 *
 * @param line The 1-based line.
 * @param text The line's text after its prefix.
 * @param prefix What precedes `text` on the line (`# `, `summary: `, `- [ ] `).
 * @param word The word to find (its first occurrence).
 */
export function at(line: number, text: string, prefix: string, word: string): {line: number; column: number} {
  const index = text.indexOf(word)
  if (index === -1) throw new Error(`fixture: \`${word}\` is not in \`${text}\``)
  return {line, column: prefix.length + index + 1}
}
