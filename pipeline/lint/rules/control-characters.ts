import type {Point} from 'unist'
import {location} from 'vfile-location'
import {Scalar, visit} from 'yaml'
import {LINE_ENDING, frontMatterLines} from '../../parse/front-matter-fence.js'
import {parseYaml} from '../../parse/front-matter.js'
import type {Rule} from '../rule.js'

// Most diagnostics for one file; past it, one more says how many were left.
const MAX_REPORTS = 20

// Names of the C0 controls, by code point.
const C0 = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US']

// Characters that reorder or hide text, by code point, with their names.
const BIDI: Readonly<Record<number, string>> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
}
const INVISIBLE: Readonly<Record<number, string>> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
}

// Every refused character (lone surrogates are found separately). CR is the
// file-format rule's (line endings), and a BOM at the very start too.
const REFUSED = /[\0-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
// A zero width joiner inside an emoji sequence (👩‍💻) is part of the emoji.
const EMOJI_BEFORE = /[\p{Extended_Pictographic}\u{fe0f}\u{1f3fb}-\u{1f3ff}]$/u
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u

// Markdown character references, as micromark reads them.
const REFERENCE = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g
// Named references (HTML's list) that decode to a refused character.
const NAMED: Readonly<Record<string, number>> = {
  ZeroWidthSpace: 0x200b,
  NegativeVeryThinSpace: 0x200b,
  NegativeThinSpace: 0x200b,
  NegativeMediumSpace: 0x200b,
  NegativeThickSpace: 0x200b,
  zwnj: 0x200c,
  zwj: 0x200d,
  NoBreak: 0x2060,
}

// YAML escapes in double-quoted scalars: `\e`, `\x1b`, `\u202e`, `\U0001…`.
// A surrogate pair, `\uD83D\uDE00` (one emoji), is matched whole: not lone.
const YAML_ESCAPE = /\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))/gs
const YAML_SINGLE: Readonly<Record<string, number>> = {'0': 0x00, a: 0x07, b: 0x08, e: 0x1b, f: 0x0c, r: 0x0d, v: 0x0b, N: 0x85}

/** What a refused character is, for messages: `U+001B (ESC), a control character`. */
function describe(code: number): string | undefined {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  if (code < 0x20 && code !== 0x09 && code !== 0x0a) return `${hex} (${C0[code]}), a control character`
  if (code === 0x7f) return `${hex} (DEL), a control character`
  if (code >= 0x80 && code <= 0x9f) return `${hex}, a control character`
  if (BIDI[code] !== undefined) return `${hex} (${BIDI[code]}), a bidirectional control`
  if (INVISIBLE[code] !== undefined) return `${hex} (${INVISIBLE[code]}), an invisible character`
  if (code >= 0xd800 && code <= 0xdfff) return `${hex}, a lone surrogate`
  return undefined
}

interface Finding {
  readonly offset: number
  readonly what: string
}

/**
 * No control characters, bidirectional controls, invisible characters or lone
 * surrogates anywhere in a content file: typed, written as a markdown
 * character reference (`&#x202E;`, `&zwj;`) or as a YAML escape in front
 * matter (`"\e"`, `"\uD800"`). They can rewrite a terminal (ESC), reorder
 * what a reader sees against what the code holds (U+202E), or hide text.
 * Tabs and line feeds are allowed; CR and a leading BOM are the file-format
 * rule's. A zero width joiner inside an emoji sequence is part of the emoji.
 */
export const controlCharacters: Rule = {
  id: 'control-characters',
  phase: 'source',
  description: 'No control characters (C0 but tab and line feed, DEL, C1), bidirectional controls (U+202A–U+202E, U+2066–U+2069), zero-width characters (U+200B–U+200D, U+2060, U+FEFF) or lone surrogates, typed or escaped.',
  tip: 'Delete the character (retype the words around it if you cannot see it), or remove the escape that writes it.',
  check({sources, report}) {
    for (const source of sources) {
      // A file file-format refused (too large, not UTF-8…) is not text to scan.
      if (source.file.messages.some((message) => message.fatal)) continue
      const text = String(source.file.value)
      const lines = text.split(LINE_ENDING)
      const frontMatter = frontMatterLines(lines)
      const found = [...typed(text), ...escapedInFrontMatter(lines, frontMatter), ...referenced(text, lines, frontMatter)].sort((a, b) => a.offset - b.offset)
      const place = location(source.file)
      const at = (offset: number): Point => place.toPoint(offset) ?? {line: 1, column: 1}
      for (const finding of found.slice(0, MAX_REPORTS)) {
        report(source, `Expected visible text, found ${finding.what}`, at(finding.offset))
      }
      const more = found[MAX_REPORTS]
      if (more !== undefined) {
        report(source, `Expected visible text, found ${found.length - MAX_REPORTS} more such characters from here on`, at(more.offset))
      }
    }
  },
}

function typed(text: string): Finding[] {
  const found: Finding[] = []
  for (const match of text.matchAll(REFUSED)) {
    const code = match[0].charCodeAt(0)
    if (code === 0x0d || (code === 0xfeff && match.index === 0)) continue
    if (code === 0x200d && EMOJI_BEFORE.test(text.slice(Math.max(0, match.index - 2), match.index)) && EMOJI_AFTER.test(text.slice(match.index + 1, match.index + 3))) continue
    found.push({offset: match.index, what: describe(code) ?? 'a refused character'})
  }
  return found
}

// Escapes in double-quoted front matter scalars (keys and values, at any depth).
function escapedInFrontMatter(lines: readonly string[], count: number): Finding[] {
  if (count === 0) return []
  // Line endings are LF here (file-format refuses others before this rule runs).
  const start = (lines[0]?.length ?? 0) + 1
  const yaml = lines.slice(1, count - 1).join('\n')
  const found: Finding[] = []
  visit(parseYaml(yaml, {prettyErrors: false, uniqueKeys: false}), {
    Scalar(_key, node) {
      if (node.type !== Scalar.QUOTE_DOUBLE || node.range === undefined || node.range === null) return
      const [from, to] = node.range
      for (const match of yaml.slice(from, to).matchAll(YAML_ESCAPE)) {
        const [written, hex2, hex4, hex8, single] = match
        const hex = hex2 ?? hex4 ?? hex8
        const code = hex !== undefined ? Number.parseInt(hex, 16) : single === undefined ? undefined : YAML_SINGLE[single]
        const what = code === undefined ? undefined : describe(code)
        if (what !== undefined) found.push({offset: start + from + match.index, what: `${what} written as \`${written}\``})
      }
    },
  })
  return found
}

// Character references in the markdown (front matter is YAML: not decoded there).
function referenced(text: string, lines: readonly string[], count: number): Finding[] {
  const bodyStart = lines.slice(0, count).reduce((length, line) => length + line.length + 1, 0)
  const found: Finding[] = []
  for (const match of text.slice(bodyStart).matchAll(REFERENCE)) {
    const offset = bodyStart + match.index
    // `\&#x202E;` is an escaped ampersand, not a reference.
    let backslashes = 0
    while (text[offset - backslashes - 1] === '\\') backslashes++
    if (backslashes % 2 === 1) continue
    const [written, decimal, hex, name] = match
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : hex !== undefined ? Number.parseInt(hex, 16) : NAMED[name ?? '']
    if (code === undefined) continue
    // micromark decodes a numeric reference to a control character (but FF
    // and CR) or a surrogate as U+FFFD, which is harmless.
    const replaced = (code < 0xa0 && code !== 0x0c && code !== 0x0d) || (code >= 0xd800 && code <= 0xdfff)
    if (name === undefined && replaced) continue
    const what = describe(code)
    if (what !== undefined) found.push({offset, what: `${what} written as \`${written}\``})
  }
  return found
}
