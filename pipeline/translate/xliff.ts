// XLIFF 1.2, written and read by hand. The reader is not an XML parser: it
// finds each <trans-unit>, its id, <source> and <target> (text only: CDATA
// and character references, no inline elements, no DOCTYPE or entities of
// its own) and the target's state, and keeps their lines, which is what
// import needs of a file the exporter wrote and a translation tool saved.
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
  const xml = blank(blank(text, '<!--', '-->'), '<alt-trans', '</alt-trans>')
  // Lines counted on from the last offset asked for: each is after the one before.
  let [counted, lines] = [0, 1]
  const lineAt = (offset: number): number => {
    for (; counted < offset; counted++) if (xml[counted] === '\n') lines++
    return lines
  }
  const problems: Array<{line: number; reason: string}> = []
  const entries: CatalogEntry[] = []
  // XML reads all that follows a comment that never closes as that comment.
  const unclosed = xml.indexOf('<!--')
  if (unclosed !== -1) {
    return {language: undefined, entries, problems: [{line: lineAt(unclosed), reason: 'Expected the comment to be closed by -->, found the end of the file'}]}
  }
  // XML defines five named entities; a DOCTYPE may declare more, which this reader does not read.
  const undefinedEntity = blank(xml, '<![CDATA[', ']]>').search(/<!DOCTYPE|&(?!(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[\da-fA-F]{1,6});)/)
  if (undefinedEntity !== -1) {
    const reason = xml.startsWith('<!DOCTYPE', undefinedEntity)
      ? 'Expected no DOCTYPE (an XLIFF file needs none, and this reader reads no entity it declares), found one'
      : `Expected & to start &amp;, &lt;, &gt;, &quot;, &apos; or a character reference (&#…;), found ${JSON.stringify(xml.slice(undefinedEntity, undefinedEntity + 12))}`
    return {language: undefined, entries, problems: [{line: lineAt(undefinedEntity), reason}]}
  }
  const file = xml.search(/<file[\s>]/)
  // Units one after the other, each searched on its own: linear in the file, whatever it holds.
  for (let at = xml.indexOf('<trans-unit'); at !== -1; at = xml.indexOf('<trans-unit', at + 1)) {
    const open = xml.indexOf('>', at)
    const close = xml.indexOf('</trans-unit>', at)
    const line = lineAt(at)
    if (open === -1 || close === -1) {
      problems.push({line, reason: 'Expected <trans-unit> to be closed by </trans-unit>, found the end of the file'})
      break
    }
    const head = xml.slice(at + '<trans-unit'.length, open)
    const inner = xml.slice(open + 1, close)
    const id = attributes(head).get('id')
    const source = element(inner, 'source')
    const target = element(inner, 'target')
    const targetLine = target === undefined ? line : lineAt(open + 1 + target.start)
    // Read from the file as written (blanking keeps offsets), its comments dropped as XML drops them, not left as spaces.
    const textOf = (found: {content: string; from: number}): string | undefined => readText(text.slice(open + 1 + found.from, open + 1 + found.from + found.content.length).replace(/<!--[\s\S]*?-->/g, ''))
    const sourceText = source === undefined ? undefined : textOf(source)
    const targetText = target === undefined ? '' : textOf(target)
    if (id === undefined) problems.push({line, reason: 'Expected each <trans-unit> to have an id naming its unit (as exported), found none'})
    else if (sourceText === undefined) problems.push({line, reason: `Expected <trans-unit id="${id}"> to have a <source> of plain text, found ${source === undefined ? 'none' : 'markup in it'}`})
    else if (targetText === undefined) problems.push({line: targetLine, reason: `Expected the <target> of "${id}" to be plain text, found markup in it`})
    else {
      // Unconfirmed: a state that asks for work, or (with no state) `approved="no"`.
      const state = attributes(target?.attributes ?? '').get('state')
      const fuzzy = state === undefined ? attributes(head).get('approved') === 'no' : UNCONFIRMED.has(state)
      entries.push({id, source: sourceText, target: targetText, fuzzy: fuzzy && targetText !== '', line, targetLine})
    }
    at = close
  }
  if (!/<xliff\b[^>]*\bversion="1\.2"/.test(xml.slice(0, 4096))) problems.unshift({line: 1, reason: 'Expected an XLIFF 1.2 file (<xliff version="1.2">) or a PO file, found neither'})
  else if (problems.length === 0) {
    // A file cut short may have lost units after the last one read. After the
    // root, XML allows only comments (blanked above) and processing instructions.
    const end = xml.lastIndexOf('</xliff')
    const closing = end === -1 ? null : /^<\/xliff\s*>/.exec(xml.slice(end))
    if (closing === null) problems.push({line: lineAt(xml.length), reason: 'Expected the file to end with </xliff>, found its end without it (cut short?)'})
    else {
      const after = end + closing[0].length
      const stray = xml.slice(after).replace(/<\?[\s\S]*?\?>/g, (instruction) => instruction.replace(/[^\n]/g, ' ')).search(/\S/)
      if (stray !== -1) {
        const found = xml.slice(after + stray).split('\n', 1)[0]!.slice(0, 40)
        problems.push({line: lineAt(after + stray), reason: `Expected nothing after </xliff> but comments and processing instructions, found ${JSON.stringify(found)}`})
      }
    }
  }
  return {language: file === -1 ? undefined : attributes(xml.slice(file, xml.indexOf('>', file))).get('target-language'), entries, problems}
}

// Text with each `open`…`close` span blanked (newlines kept). Once a close is
// missing, no later open has one: the rest is left as it is.
function blank(text: string, open: string, close: string): string {
  let out = ''
  let at = 0
  for (let start = text.indexOf(open); start !== -1; start = text.indexOf(open, at)) {
    const end = text.indexOf(close, start)
    if (end === -1) break
    out += text.slice(at, start) + text.slice(start, end + close.length).replace(/[^\n]/g, ' ')
    at = end + close.length
  }
  return out + text.slice(at)
}

// The first <name …>…</name> or <name …/> in xml from an offset: its attributes, text, start and where its text starts.
function element(xml: string, name: string): {attributes: string; content: string; start: number; from: number} | undefined {
  for (let at = xml.indexOf(`<${name}`); at !== -1; at = xml.indexOf(`<${name}`, at + 1)) {
    if (!/[\s/>]/.test(xml[at + name.length + 1] ?? '')) continue
    const open = xml.indexOf('>', at)
    if (open === -1) return undefined
    const attributes = xml.slice(at + name.length + 1, open)
    if (attributes.endsWith('/')) return {attributes: attributes.slice(0, -1), content: '', start: at, from: open}
    const end = xml.indexOf(`</${name}>`, open)
    return end === -1 ? undefined : {attributes, content: xml.slice(open + 1, end), start: at, from: open + 1}
  }
  return undefined
}

// An element's attributes, decoded. A name starts only after a non-name character: each is read once.
function attributes(text: string): Map<string, string> {
  return new Map([...text.matchAll(/(?<![\w:.-])([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((match) => [match[1] as string, decode(match[2] ?? match[3] ?? '')]))
}

// An element's text: CDATA sections as written, the rest with its character
// references read; `undefined` when it holds an element.
function readText(xml: string): string | undefined {
  let text = ''
  let at = 0
  for (let start = xml.indexOf('<![CDATA['); start !== -1; start = xml.indexOf('<![CDATA[', at)) {
    const end = xml.indexOf(']]>', start)
    if (end === -1 || xml.slice(at, start).includes('<')) return undefined
    text += decode(xml.slice(at, start)) + xml.slice(start + '<![CDATA['.length, end)
    at = end + ']]>'.length
  }
  return xml.slice(at).includes('<') ? undefined : text + decode(xml.slice(at))
}

function decode(text: string): string {
  const named: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}
  return text.replace(/&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(\w+));/gi, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    const code = hex !== undefined ? Number.parseInt(hex, 16) : decimal !== undefined ? Number(decimal) : undefined
    return code === undefined ? (named[name ?? ''] ?? whole) : code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}
