// XLIFF 1.2, written and read by hand. The reader is not an XML parser: it
// finds each <trans-unit>, its id, <source> and <target> (text only: CDATA
// and character references, no inline elements) and the target's state, and
// keeps their lines, which is what import needs of a file the exporter wrote
// and a translation tool saved.
import type {Catalog, CatalogEntry, CatalogHeader} from './catalog.js'
import type {ExchangeUnit} from './units.js'

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

// Target states that ask for more work: the translation is not confirmed.
const UNCONFIRMED = new Set(['new', 'needs-translation', 'needs-adaptation', 'needs-l10n', 'needs-review-translation', 'needs-review-adaptation', 'needs-review-l10n'])

/**
 * Write units as XLIFF 1.2: a trans-unit per unit, its id the unit's, with a
 * developer note, the source file and line (a location context group), the
 * target's state (`translated` and approved; `needs-review-translation` and
 * not approved when outdated; `new` and empty when missing) and, for an
 * outdated unit, an `alt-trans` of
 * type `previous-version` holding what the source said when it was translated.
 *
 * @param units The locale's units.
 * @param header What the file is.
 * @returns The XLIFF text.
 * @example
 *   formatXliff(exchangeUnits(source, locale), header)
 */
export function formatXliff(units: readonly ExchangeUnit[], header: CatalogHeader): string {
  const state = {current: 'translated', outdated: 'needs-review-translation', missing: 'new'} as const
  const split = (reference: string): string[] => [reference.slice(0, reference.lastIndexOf(':')), reference.slice(reference.lastIndexOf(':') + 1)]
  const body = units.map((unit) => {
    const [file, line] = split(unit.reference)
    return [
      `      <trans-unit id="${escape(unit.id)}" xml:space="preserve"${unit.state === 'missing' ? '' : ` approved="${unit.state === 'current' ? 'yes' : 'no'}"`}>`,
      `        <source>${escape(unit.source)}</source>`,
      `        <target state="${state[unit.state]}">${escape(unit.translation)}</target>`,
      `        <context-group purpose="location"><context context-type="sourcefile">${escape(file ?? '')}</context><context context-type="linenumber">${line}</context></context-group>`,
      ...unit.notes.map((note) => `        <note from="developer">${escape(note)}</note>`),
      ...(unit.previous === undefined ? [] : [`        <alt-trans alttranstype="previous-version"><source>${escape(unit.previous)}</source><target>${escape(unit.translation)}</target></alt-trans>`]),
      '      </trans-unit>',
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    `  <file original="${escape(header.title)}" source-language="${escape(header.sourceTag)}" target-language="${escape(header.tag)}" datatype="x-markdown" product-version="${escape(header.version)}" date="${header.date.toISOString().replace(/\.\d+Z$/, 'Z')}">`,
    `    <header><tool tool-id="ace-second-interview" tool-name="${escape(header.tool)}"/>${header.comments.map((comment) => `<note>${escape(comment)}</note>`).join('')}</header>`,
    '    <body>',
    ...body,
    '    </body>',
    '  </file>',
    '</xliff>',
    '',
  ].join('\n')
}

/**
 * Read an XLIFF 1.2 file.
 *
 * @param text The file's text.
 * @returns Its target language, its units with their lines, and what could not be read.
 * @example
 *   parseXliff(text).entries.map((entry) => entry.id)
 */
export function parseXliff(text: string): Catalog {
  // Comments and alternative translations blanked, newlines kept: lines still count.
  const blank = (match: string): string => match.replace(/[^\n]/g, ' ')
  const xml = text.replace(/<!--[^]*?-->/g, blank).replace(/<alt-trans\b[^]*?<\/alt-trans>/g, blank)
  const lineAt = (offset: number): number => xml.slice(0, offset).split('\n').length
  const problems: Array<{line: number; reason: string}> = []
  const entries: CatalogEntry[] = []
  const language = attributes(/<file\b([^>]*)>/.exec(xml)?.[1] ?? '').get('target-language')
  for (const unit of xml.matchAll(/<trans-unit\b([^>]*)>([^]*?)<\/trans-unit>/g)) {
    const line = lineAt(unit.index)
    const id = attributes(unit[1] ?? '').get('id')
    const inner = unit[2] ?? ''
    const source = /<source\b[^>]*>([^]*?)<\/source>/.exec(inner)
    const target = /<target\b([^>]*?)(?:\/>|>([^]*?)<\/target>)/.exec(inner)
    const targetLine = target === null ? line : lineAt(unit.index + (unit[0].length - inner.length - '</trans-unit>'.length) + target.index)
    const sourceText = source === null ? undefined : readText(source[1] ?? '')
    const targetText = readText(target?.[2] ?? '')
    if (id === undefined) problems.push({line, reason: 'Expected each <trans-unit> to have an id naming its unit (as exported), found none'})
    else if (sourceText === undefined) problems.push({line, reason: `Expected <trans-unit id="${id}"> to have a <source> of plain text, found ${source === null ? 'none' : 'markup in it'}`})
    else if (targetText === undefined) problems.push({line: targetLine, reason: `Expected the <target> of "${id}" to be plain text, found markup in it`})
    else {
      // Unconfirmed: a state that asks for work, or (with no state) `approved="no"`.
      const state = attributes(target?.[1] ?? '').get('state')
      const fuzzy = state === undefined ? attributes(unit[1] ?? '').get('approved') === 'no' : UNCONFIRMED.has(state)
      entries.push({id, source: sourceText, target: targetText, fuzzy: fuzzy && targetText !== '', line, targetLine})
    }
  }
  if (!/<xliff\b[^>]*\bversion="1\.2"/.test(xml)) problems.unshift({line: 1, reason: 'Expected an XLIFF 1.2 file (<xliff version="1.2">) or a PO file, found neither'})
  return {language, entries, problems}
}

// An element's attributes, decoded.
function attributes(text: string): Map<string, string> {
  return new Map([...text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((match) => [match[1] as string, decode(match[2] ?? match[3] ?? '')]))
}

// An element's text: CDATA and character references read; `undefined` when it holds elements.
function readText(xml: string): string | undefined {
  let plain = true
  const text = xml.replace(/<!\[CDATA\[([^]*?)\]\]>|<[^>]*>|[^<]+/g, (part, cdata: string | undefined) => {
    if (cdata !== undefined) return cdata
    if (part.startsWith('<')) plain = false
    return decode(part)
  })
  return plain ? text : undefined
}

function decode(text: string): string {
  const named: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}
  return text.replace(/&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(\w+));/gi, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    const code = hex !== undefined ? Number.parseInt(hex, 16) : decimal !== undefined ? Number(decimal) : undefined
    return code === undefined ? (named[name ?? ''] ?? whole) : code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}
