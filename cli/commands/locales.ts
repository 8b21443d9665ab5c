import {parseFormat} from '../args.js'
import {withCheck} from '../check-run.js'
import {type Command, PROGRAM} from '../command.js'
import {createStyles, formatJson} from '../format.js'
import {formatDiagnostics, shouldUseColor} from '../../pipeline/report.js'
import {escapeControl as safe} from '../../pipeline/terminal.js'
import type {LocaleStatus, StatusCounts} from '../../pipeline/lint/status.js'

const NAME = 'locales'

const HEADERS = ['locale', 'introduction', 'steps current', 'outdated', 'missing', 'items current', 'outdated', 'missing'] as const

function cells(status: LocaleStatus): string[] {
  const counts = ({current, outdated, missing}: StatusCounts): string[] => [String(current), String(outdated), String(missing)]
  return [status.locale + (status.source ? ' (source)' : ''), status.introduction, ...counts(status.steps), ...counts(status.items)]
}

// The status table for reading: a heading line, one row per locale, columns
// aligned, then the ids of each locale's outdated and missing units.
function formatLocalesText(dir: string, statuses: readonly LocaleStatus[], bold: (text: string) => string): string {
  const rows = [HEADERS as readonly string[], ...statuses.map(cells)].map((row) => row.map(safe))
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)))
  const lines = rows.map((row, index) => {
    const line = row.map((cell, column) => (column === 0 || column === 1 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ').trimEnd()
    return index === 0 ? bold(line) : line
  })
  const source = statuses.find((status) => status.source)
  const title = `Translations of ${safe(dir)}${source === undefined ? '' : ` (${source.steps.total} steps, ${source.items.total} items)`}`
  // Which units, as `content:translated` takes them, so a translator knows where to start.
  const todo = statuses.flatMap((status) =>
    ([['outdated', status.outdatedIds], ['missing', status.missingIds]] as const).flatMap(([state, ids]) => (ids.length === 0 ? [] : [`  ${safe(status.locale)} ${state}: ${ids.map(safe).join(' ')}`])),
  )
  const list = todo.length === 0 ? '' : `\nTo translate (the ids \`npm run content:translated -- <locale>\` takes):\n${todo.join('\n')}\n`
  return `${title}\n\n${lines.join('\n')}\n${list}`
}

// The status table as a GitHub-flavoured markdown table.
function formatLocalesMarkdown(statuses: readonly LocaleStatus[]): string {
  const row = (values: readonly string[]): string => `| ${values.map((value) => safe(value).replaceAll('|', '\\|')).join(' | ')} |`
  return `${[row(HEADERS), `|${HEADERS.map((_, index) => (index < 2 ? '---' : '---:')).join('|')}|`, ...statuses.map((status) => row(cells(status)))].join('\n')}\n`
}

/** `locales [content-dir]`: how far each translation has got. */
export const localesCommand: Command = {
  name: NAME,
  synopsis: '[content-dir] [--format <format>]',
  summary: 'Print, per locale, how many steps and items are translated and current, outdated or missing, and which.',
  details: [
    '  [content-dir]      the content folder (default: ./content)',
    '  --format <format>  text (default), markdown (a table) or json (the counts and ids per locale)',
  ],
  options: {format: {type: 'string'}},
  maxPositionals: 1,
  async run({values, positionals}, io) {
    const format = parseFormat(values['format'], NAME)
    const dir = positionals[0] ?? 'content'
    // The pipeline is loaded only now, as `check` loads it: `steps` and friends start fast.
    const result = await withCheck(`${PROGRAM} ${NAME}`, io, (api) => api.translationStatus(dir, {cwd: io.cwd}))
    if (result === undefined) return 2
    // Errors make the counts unreliable (or impossible): they are shown first, and the status is 1.
    if (!result.ok) io.stderr.write(formatDiagnostics(result.files.filter((file) => file.messages.some((message) => message.fatal)), {tips: true}))
    if (format === 'json') io.stdout.write(formatJson(result.locales))
    else if (format === 'markdown') io.stdout.write(formatLocalesMarkdown(result.locales))
    else io.stdout.write(formatLocalesText(dir, result.locales, createStyles(shouldUseColor({isTTY: io.stdout.isTTY, env: io.env})).bold))
    return result.ok ? 0 : 1
  },
}
