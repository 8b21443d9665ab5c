import type {Rule} from '../rule.js'
import {MAX_FILE_BYTES, MAX_LINES} from '../../limits.js'

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/**
 * Files are UTF-8 without a byte order mark, with LF line endings, and small:
 * the content hashes are taken over the text, so one spelling of it is allowed.
 */
export const fileFormat: Rule = {
  id: 'file-format',
  phase: 'source',
  description: `Files are non-empty UTF-8 without a BOM, use LF line endings and are at most ${MAX_FILE_BYTES / 1024} KiB and ${MAX_LINES} lines.`,
  tip: `Save the file as UTF-8 (no BOM) with LF line endings, at most ${MAX_FILE_BYTES / 1024} KiB and ${MAX_LINES} lines.`,
  check({sources, report}) {
    for (const source of sources) {
      const {bytes, size} = source
      const start = {line: 1, column: 1}
      // Checked first: a file over the limit was never read (its bytes are empty).
      if (size > MAX_FILE_BYTES) {
        report(source, `Expected at most ${MAX_FILE_BYTES} bytes, found ${size}`, start, {
          expected: [String(MAX_FILE_BYTES)],
          actual: String(size),
          tip: 'Shorten the file: a step is a few short paragraphs and a checklist of a few items.',
        })
        continue
      }
      if (bytes.length === 0) {
        report(source, 'Expected a content file with front matter, found an empty file', start, {
          tip: `Write the file out (front matter, \`# Title\`, paragraphs${source.kind === 'step' ? ', `## Checklist`' : ''}; see README.md#editing-the-content), or delete it if it is not meant to be there.`,
        })
        continue
      }
      const wide = wideEncoding(bytes)
      if (wide !== undefined) {
        report(source, `Expected UTF-8 text, found ${wide}`, start, {
          expected: ['UTF-8'],
          actual: wide,
          tip: 'Save the file as UTF-8 (in most editors: Save with Encoding, or the encoding in the status bar, then UTF-8).',
        })
        continue
      }
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        report(source, 'Expected UTF-8 without a byte order mark, found a BOM', start, {
          tip: 'Save the file as UTF-8 without a BOM (in some editors "UTF-8" rather than "UTF-8 with BOM").',
        })
        continue
      }
      let text: string
      try {
        text = decoder.decode(bytes)
      } catch {
        // Decoded leniently and encoded again, the text first differs from
        // the bytes where they are not UTF-8 (that became U+FFFD, `EF BF BD`).
        const again = new TextEncoder().encode(new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes))
        let at = 0
        while (bytes[at] === again[at]) at++
        const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at)).split('\n')
        report(source, `Expected UTF-8 text, found an invalid byte sequence at byte ${at}`, {line: before.length, column: (before.at(-1)?.length ?? 0) + 1}, {
          tip: 'Save the file as UTF-8; if it already is, retype the character at this place (it may have been pasted from another encoding).',
        })
        continue
      }
      const carriageReturn = text.indexOf('\r')
      if (carriageReturn !== -1) {
        const line = text.slice(0, carriageReturn).split('\n').length
        report(source, 'Expected LF line endings, found CR (`\\r`, as in CRLF)', {line, column: carriageReturn - text.lastIndexOf('\n', carriageReturn - 1)}, {
          tip: 'Switch the file\'s line endings to LF (in most editors, in the status bar), or set `core.autocrlf` to `input` in git.',
        })
        continue
      }
      // Counted as an editor shows them: a final line ending ends the last line.
      const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0)
      if (lines > MAX_LINES) {
        report(source, `Expected at most ${MAX_LINES} lines, found ${lines}`, {line: MAX_LINES + 1, column: 1}, {
          expected: [String(MAX_LINES)],
          actual: String(lines),
          tip: 'Shorten the file: a step is a few short paragraphs and a checklist of a few items.',
        })
      }
    }
  },
}

/**
 * Name a UTF-16 or UTF-32 file, from its byte order mark or, without one,
 * from where the zero bytes of its first (ASCII) character fall, as XML's
 * encoding detection does. A content file starts with `---`, so the first
 * four bytes tell.
 */
function wideEncoding(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes
  const named = (encoding: string, bom: boolean): string => `${encoding} text${bom ? ' (with a byte order mark)' : ''}`
  if (a === 0x00 && b === 0x00 && c === 0xfe && d === 0xff) return named('UTF-32 (big-endian)', true)
  if (a === 0xff && b === 0xfe && c === 0x00 && d === 0x00) return named('UTF-32 (little-endian)', true)
  if (a === 0xfe && b === 0xff) return named('UTF-16 (big-endian)', true)
  if (a === 0xff && b === 0xfe) return named('UTF-16 (little-endian)', true)
  if (bytes.length < 4) return undefined
  if (a === 0x00 && b === 0x00 && c === 0x00 && d !== 0x00) return named('UTF-32 (big-endian)', false)
  if (a !== 0x00 && b === 0x00 && c === 0x00 && d === 0x00) return named('UTF-32 (little-endian)', false)
  if (a === 0x00 && b !== 0x00 && c === 0x00 && d !== 0x00) return named('UTF-16 (big-endian)', false)
  if (a !== 0x00 && b === 0x00 && c !== 0x00 && d === 0x00) return named('UTF-16 (little-endian)', false)
  return undefined
}
