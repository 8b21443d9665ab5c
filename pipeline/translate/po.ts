// gettext PO, written and read by hand: a minimal reader that keeps each
// entry's line (for import's refusals), which no PO package in reach gives.
// Reads what gettext tools, Poedit, Weblate and the Translate Toolkit write:
// comments, flags, msgctxt/msgid/msgstr with continued strings, obsolete
// `#~` entries (skipped). Plural forms are refused: the guide has none.
import type {Catalog, CatalogEntry, CatalogHeader} from './catalog.js'
import type {ExchangeUnit} from './units.js'

const ESCAPES: Readonly<Record<string, string>> = {n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\'}

// A PO string: one quoted line, or `""` then a line after each newline.
function poString(text: string): string {
  const quote = (line: string): string => `"${line.replace(/[\\"]/g, '\\$&').replaceAll('\n', '\\n').replaceAll('\t', '\\t').replaceAll('\r', '\\r')}"`
  if (!text.slice(0, -1).includes('\n')) return quote(text)
  return ['""', ...text.split(/(?<=\n)/).map(quote)].join('\n')
}

/**
 * Write units as a gettext PO file: msgctxt is each unit's id, `#.` its notes,
 * `#:` its source file and line, `#, fuzzy` and `#| msgid` (what the source
 * said when it was translated) for an outdated unit; a missing one has an
 * empty msgstr.
 *
 * @param units The locale's units.
 * @param header What the file is.
 * @returns The PO text.
 * @example
 *   formatPo(exchangeUnits(source, locale), {tag: 'de', sourceTag: 'en-GB', title, version: '1.0.0', date: new Date(), comments: []})
 */
export function formatPo(units: readonly ExchangeUnit[], header: CatalogHeader): string {
  const stamp = header.date.toISOString().replace(/T(\d\d:\d\d).*$/, ' $1+0000')
  const fields = [
    `Project-Id-Version: ${header.title} ${header.version}`,
    `PO-Revision-Date: ${stamp}`,
    `Last-Translator: ${header.tool}`,
    `Language-Team: ${header.tag}`,
    `Language: ${header.tag}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    `X-Source-Language: ${header.sourceTag}`,
  ]
  const blocks = [[...header.comments.map((line) => `# ${line}`), 'msgid ""', `msgstr ${poString(fields.map((field) => `${field}\n`).join(''))}`].join('\n')]
  for (const unit of units) {
    const lines = [...unit.notes.map((note) => `#. ${note}`), `#: ${unit.reference}`]
    if (unit.state === 'outdated') lines.push('#, fuzzy')
    if (unit.previous !== undefined) lines.push(...`msgid ${poString(unit.previous)}`.split('\n').map((line) => `#| ${line}`))
    lines.push(`msgctxt ${poString(unit.id)}`, `msgid ${poString(unit.source)}`, `msgstr ${poString(unit.translation)}`)
    blocks.push(lines.join('\n'))
  }
  return `${blocks.join('\n\n')}\n`
}

// An entry without a msgctxt, which names the unit.
const NO_CONTEXT = 'Expected each entry to have a msgctxt naming its unit (as exported), found none'

/**
 * Read a PO file.
 *
 * @param text The file's text.
 * @returns Its language (the header's `Language:`), its entries with their
 *   lines, and the lines it could not read.
 * @example
 *   parsePo('msgctxt "make-a-plan.title"\nmsgid "Make a plan"\nmsgstr "Haz un plan"\n').entries[0]?.target // 'Haz un plan'
 */
export function parsePo(text: string): Catalog {
  const entries: CatalogEntry[] = []
  const problems: Array<{line: number; reason: string}> = []
  let language: string | undefined
  type Field = 'msgctxt' | 'msgid' | 'msgstr'
  let entry: Partial<Record<Field, string>> & {fuzzy?: boolean; plural?: boolean; line?: number; targetLine?: number} = {}
  let field: Field | undefined
  const flush = (): void => {
    if (entry.msgid === '' && entry.msgctxt === undefined) {
      language = /^Language:[ \t]*(\S*)/m.exec(entry.msgstr ?? '')?.[1]?.replaceAll('_', '-')
    } else if (entry.msgid !== undefined && entry.plural !== true) {
      if (entry.msgctxt === undefined) problems.push({line: entry.line ?? 1, reason: NO_CONTEXT})
      else if (entry.msgstr === undefined) problems.push({line: entry.line ?? 1, reason: `Expected a msgstr in the entry ${JSON.stringify(entry.msgctxt)}, found none`})
      else entries.push({id: entry.msgctxt, source: entry.msgid, target: entry.msgstr, fuzzy: entry.fuzzy === true && entry.msgstr !== '', line: entry.line ?? 1, targetLine: entry.targetLine ?? 1})
    }
    entry = {}
    field = undefined
  }
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim()
    const number = index + 1
    if (line === '' || line.startsWith('#~')) {
      if (line === '') flush()
      continue
    }
    if (line.startsWith('#')) {
      if (entry.msgstr !== undefined) flush()
      if (line.startsWith('#,') && line.slice(2).split(',').some((flag) => flag.trim() === 'fuzzy')) entry.fuzzy = true
      continue
    }
    // `[^]`, not `.`: a string may hold U+2028 and U+2029, which `.` does not match.
    const keyword = /^(msgctxt|msgid|msgstr)[ \t]+("[^]*)$/.exec(line)
    const string = keyword?.[2] ?? (line.startsWith('"') ? line : undefined)
    const value = string === undefined ? undefined : readString(string)
    if (value === undefined) {
      // A plural entry is one problem, not one per line.
      const plural = /^(msgid_plural|msgstr\[)/.test(line)
      if (!plural) problems.push({line: number, reason: `Expected a PO keyword (msgctxt, msgid, msgstr) and a quoted string, found ${JSON.stringify(line.slice(0, 60))}`})
      else if (entry.plural !== true) problems.push({line: number, reason: 'Expected no plural forms (the guide has none), found one'})
      entry.plural ||= plural
      field = undefined
      continue
    }
    if (keyword === null) {
      if (field !== undefined) entry[field] += value
      else if (entry.plural !== true) problems.push({line: number, reason: 'Expected a string to follow msgctxt, msgid or msgstr, found one on its own'})
      continue
    }
    const name = keyword[1] as Field
    // A new entry may start without a blank line before it.
    if (name !== 'msgstr' && entry.msgstr !== undefined) flush()
    field = name
    if (entry[field] !== undefined) problems.push({line: number, reason: `Expected one ${field} per entry, found a second`})
    entry[field] = value
    if (field === 'msgstr') entry.targetLine = number
    else entry.line ??= number
  }
  flush()
  // No entry has one: one cause (not an export, or a tool dropped the ids), told once.
  const unnamed = problems.filter((problem) => problem.reason === NO_CONTEXT)
  if (entries.length > 0 || unnamed.length < 2) return {language, entries, problems}
  const reason = `${NO_CONTEXT} in any of its ${unnamed.length} entries: the file was not written by \`translation export\`, or a tool left the ids out (\`xliff2po\` writes them as \`#:\` references)`
  return {language, entries, problems: problems.flatMap((problem) => (problem === unnamed[0] ? [{line: problem.line, reason}] : problem.reason === NO_CONTEXT ? [] : [problem]))}
}

// A quoted PO string's value, or `undefined` when it is not one or holds an escape other than \n \t \r \" \\.
function readString(quoted: string): string | undefined {
  return /^"((?:[^"\\]|\\[ntr"\\])*)"$/.exec(quoted)?.[1]?.replace(/\\(.)/g, (_, character: string) => ESCAPES[character] ?? '')
}
