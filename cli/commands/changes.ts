import {type Change, guide, releases} from '#main'
import {UsageError, parseFormat, quote} from '../args.js'
import {escapeControl as safe} from '../../pipeline/terminal.js'
import type {Command} from '../command.js'
import {FORMAT_HELP, type Styles, printResult} from '../format.js'
import {LOCALE_HELP, LOCALE_OPTION, readLocale} from '../locale.js'

const NAME = 'changes'

const NOUN: Record<Change['target'], string> = {step: 'step', item: 'checklist item'}

/**
 * One change as a sentence fragment, ids in backticks for markdown.
 *
 * @param change A change from `changesSince`.
 * @param code How to mark an id (backticks for markdown, bold or plain for text).
 * @returns E.g. "renamed checklist item `a` to `b`".
 */
function describeChange(change: Change, mark: (id: string) => string): string {
  // Ids come from content/manifest.json, which a hand edit can reach.
  const code = (id: string): string => mark(safe(id))
  const what = `${NOUN[change.target]} ${code(change.id)}`
  switch (change.kind) {
    case 'renamed':
      return `renamed ${NOUN[change.target]} ${code(change.from ?? '')} to ${code(change.id)}`
    case 'moved':
      return change.target === 'step' ? `renumbered ${what} (was number ${safe(change.from ?? '?')})` : `moved ${what} (from step ${code(change.from ?? '')})`
    case 'rounds-changed':
      return `changed the rounds of ${what}`
    default:
      return `${change.kind} ${what}`
  }
}

function heading(since: string): string {
  return `Changes since ${since} (installed: ${guide.version})`
}

/**
 * Print changes for reading at a terminal, one a line.
 *
 * @param changes What `changesSince(since)` returned.
 * @param since The version asked about.
 * @param styles Text styles (colour or none).
 * @returns A heading with the count, then `  - …` lines; one line when nothing changed.
 * @example
 *   formatChangesText(changesSince('1.0.0'), '1.0.0', createStyles(false))
 */
export function formatChangesText(changes: readonly Change[], since: string, styles: Styles): string {
  if (changes.length === 0) return `No changes since ${since} (installed: ${guide.version}).\n`
  const lines = [styles.bold(`${heading(since)}: ${changes.length}`), ...changes.map((change) => `  - ${describeChange(change, styles.bold)}`)]
  return `${lines.join('\n')}\n`
}

/**
 * Print changes as markdown, a list item per change, ids as code.
 *
 * @param changes What `changesSince(since)` returned.
 * @param since The version asked about.
 * @returns A `# Changes since …` heading and `- Added checklist item \`id\`.` lines.
 * @example
 *   formatChangesMarkdown(changesSince('1.0.0'), '1.0.0')
 */
export function formatChangesMarkdown(changes: readonly Change[], since: string): string {
  const body = changes.length === 0 ? ['No changes.'] : changes.map((change) => `- ${capitalise(describeChange(change, (id) => `\`${id}\``))}.`)
  return `${[`# ${heading(since)}`, '', ...body].join('\n')}\n`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function readSince(value: string | undefined): string {
  // Every version --since takes, oldest first: worked out only by `changes`, not when the bin starts.
  const versions = [...new Set([...releases.map((release) => release.version), guide.version])]
  if (value === undefined) throw new UsageError(`expected --since <version>, a released content version (${versions.join(', ')})`, NAME)
  if (!versions.includes(value)) {
    throw new UsageError(`expected --since to be a released content version (${versions.join(', ')}), received ${quote(value)}`, NAME)
  }
  return value
}

/** `changes --since <version>`: what changed in the content since a release. */
export const changesCommand: Command = {
  name: NAME,
  synopsis: '--since <version> [--format <format>] [--locale <tag>]',
  summary: 'List what changed in the content since a release, per step and checklist item id.',
  details: [
    '  --since <version>  a released content version, e.g. the one a reader\'s progress was saved under',
    FORMAT_HELP,
    LOCALE_HELP,
  ],
  options: {since: {type: 'string'}, format: {type: 'string'}, ...LOCALE_OPTION},
  maxPositionals: 0,
  async run({values}, io) {
    const format = parseFormat(values['format'], NAME)
    const since = readSince(values['since'])
    // Changes are named by id, the same in every locale; the locale's own history is the source's.
    const {changesSince} = await readLocale(values['locale'], NAME, io)
    const changes = changesSince(since)
    printResult(io, format, changes, {
      text: (value, styles) => formatChangesText(value, since, styles),
      markdown: (value) => formatChangesMarkdown(value, since),
    })
    return 0
  },
}
