import type {Rule} from '../rule.js'
import {MAX_FILE_BYTES} from '../limits.js'

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/**
 * Files are UTF-8 without a byte order mark, with LF line endings, and small:
 * the content hashes are taken over the text, so one spelling of it is allowed.
 */
export const fileFormat: Rule = {
  id: 'file-format',
  phase: 'source',
  description: `Files are non-empty UTF-8 without a BOM, use LF line endings and are at most ${MAX_FILE_BYTES / 1024} KiB.`,
  tip: 'Save the file as UTF-8 (no BOM) with LF line endings; split or shorten an oversized file.',
  check({sources, report}) {
    for (const source of sources) {
      const {bytes} = source
      if (bytes.length === 0) {
        report(source, 'Expected a content file with front matter, found an empty file', {line: 1, column: 1})
        continue
      }
      if (bytes.length > MAX_FILE_BYTES) {
        report(source, `Expected at most ${MAX_FILE_BYTES} bytes, found ${bytes.length}`, {line: 1, column: 1}, {expected: [String(MAX_FILE_BYTES)], actual: String(bytes.length)})
        continue
      }
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        report(source, 'Expected UTF-8 without a byte order mark, found a BOM', {line: 1, column: 1})
        continue
      }
      let text: string
      try {
        text = decoder.decode(bytes)
      } catch {
        const at = firstInvalidByte(bytes)
        report(source, `Expected UTF-8 text, found an invalid byte sequence at byte ${at}`, pointAt(bytes, at))
        continue
      }
      const carriageReturn = text.indexOf('\r')
      if (carriageReturn !== -1) {
        const line = text.slice(0, carriageReturn).split('\n').length
        report(source, 'Expected LF line endings, found CR (`\\r`, as in CRLF)', {line, column: carriageReturn - text.lastIndexOf('\n', carriageReturn - 1)})
      }
    }
  },
}

function firstInvalidByte(bytes: Uint8Array): number {
  let low = 0
  let high = bytes.length
  // Largest prefix that decodes (allowing a cut multi-byte sequence at its end).
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    try {
      // A fresh decoder each time: a streaming decoder keeps the previous
      // call's unfinished sequence and would misjudge this prefix.
      new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(0, middle), {stream: true})
      low = middle
    } catch {
      high = middle - 1
    }
  }
  return low
}

// Line and column of a byte offset, from the text before it (all valid UTF-8).
function pointAt(bytes: Uint8Array, offset: number): {line: number; column: number} {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset))
  const lines = before.split('\n')
  return {line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1}
}
