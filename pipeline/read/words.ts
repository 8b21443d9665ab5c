// The spelling word list of a content folder (`words.txt`): names and terms
// the dictionary does not know. Read with the same safe reader as the content
// files; judged (bad lines, duplicates, unused entries) by the spelling rule.
import type {Position} from 'unist'
import {VFile} from 'vfile'
import {MAX_FILE_BYTES} from '../limits.js'
import {type UnreadableEntry, readRegularFile} from './read.js'

/** The word list's file name, in `content/` and in each `content/locales/<tag>/`. */
export const WORDS_FILE = 'words.txt'

/** One word of the list, as written, and where. */
export interface WordListEntry {
  readonly word: string
  readonly position: Position
}

/** A problem with a line of the list (reported by the spelling rule). */
export interface WordListProblem {
  readonly reason: string
  readonly position: Position
  readonly actual?: string
  readonly tip: string
}

/** A word list as read: its entries and the lines that are not one word. */
export interface WordList {
  /** `words.txt`, named as diagnostics name content files; the spelling rule reports on it. */
  readonly file: VFile
  /** Each word once, in file order. */
  readonly entries: readonly WordListEntry[]
  /** Lines that are not a word or a comment, repeated words, undecodable bytes. */
  readonly problems: readonly WordListProblem[]
}

// Letters, marks and digits, joined by apostrophes, hyphens or dots
// (`don't`, `follow-up`, `e.g.`); at least one letter.
const WORD = /^(?=[^]*\p{L})[\p{L}\p{M}\p{N}]+(?:['’.\-][\p{L}\p{M}\p{N}]*)*$/u

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})
const point = (line: number, column: number): {line: number; column: number} => ({line, column})

// A list that cannot be read as words: none, and one problem at its start.
const unread = (file: VFile, reason: string, tip: string): WordList => ({
  file,
  entries: [],
  problems: [{reason, position: {start: point(1, 1), end: point(1, 1)}, tip}],
})

/**
 * Read a word list through the content reader (regular files only, never a
 * link, FIFO or device; never past the size limit).
 *
 * @param file The path of `words.txt` on disk.
 * @param shownAs How diagnostics name it (`content/words.txt`).
 * @returns The list; `undefined` when there is no file; an
 *   {@link UnreadableEntry} (for the `content-files` rule) when something
 *   other than a readable regular file stands there.
 * @example
 *   const words = await readWordList('content/words.txt', 'content/words.txt')
 */
export async function readWordList(file: string, shownAs: string): Promise<WordList | UnreadableEntry | undefined> {
  const outcome = await readRegularFile(file, MAX_FILE_BYTES)
  const vfile = new VFile({path: shownAs})
  switch (outcome.kind) {
    case 'missing':
      return undefined
    case 'refused':
      return {file: vfile, expected: outcome.expected, found: outcome.found}
    case 'too-large':
      return unread(
        vfile,
        `Expected a word list of at most ${MAX_FILE_BYTES} bytes, found ${outcome.size}`,
        'Keep only the names and terms the content uses; the dictionary knows ordinary words.',
      )
    case 'read':
      break
  }
  try {
    vfile.value = decoder.decode(outcome.bytes)
  } catch {
    vfile.value = ''
    return unread(vfile, 'Expected the word list to be UTF-8 text, found bytes that are not', 'Save the file as UTF-8.')
  }
  return {file: vfile, ...parseWordList(vfile.value)}
}

/**
 * Parse a word list: one word per line, `#` starts a comment line, blank
 * lines are allowed. Words keep their case (see {@link wordForms}).
 *
 * @param text The file's text.
 * @returns The entries (each word once) and the problems, with positions.
 * @example
 *   parseWordList('# names\nSTAR\n').entries[0]?.word // 'STAR'
 */
export function parseWordList(text: string): Pick<WordList, 'entries' | 'problems'> {
  const entries: WordListEntry[] = []
  const problems: WordListProblem[] = []
  const firstLine = new Map<string, number>()
  const lines = text.replace(/^\uFEFF/, '').split('\n')
  lines.forEach((raw, index) => {
    const line = index + 1
    const content = raw.replace(/\r$/, '')
    const word = content.trim()
    if (word === '' || word.startsWith('#')) return
    const column = content.indexOf(word) + 1
    const position = {start: point(line, column), end: point(line, column + word.length)}
    if (!WORD.test(word)) {
      problems.push({
        reason: `Expected one word per line (letters and digits, joined by \`'\`, \`-\` or \`.\`), found \`${word}\``,
        position,
        actual: word,
        tip: /\s/.test(word)
          ? 'Put each word on its own line; a comment line starts with `#`.'
          : 'Write the word as it appears in the content, without punctuation around it.',
      })
      return
    }
    const seen = firstLine.get(word)
    if (seen !== undefined) {
      problems.push({
        reason: `Expected each word once, found \`${word}\` again (first on line ${seen})`,
        position,
        actual: word,
        tip: 'Delete the repeated line.',
      })
      return
    }
    firstLine.set(word, line)
    entries.push({word, position})
  })
  return {entries, problems}
}

/**
 * The spellings a word list entry accepts, as Hunspell treats a personal
 * word: an entry in lower case also accepts its capitalised and upper-case
 * forms (`interviewer` → `Interviewer`, `INTERVIEWER`, as at the start of a
 * sentence); an entry with capitals accepts itself and its upper-case form
 * only (`LinkedIn` → `LINKEDIN`, never `linkedin`). Curly apostrophes are
 * written as straight ones, as the checker reads them.
 *
 * @param word The entry as written.
 * @returns Every form it accepts.
 * @example
 *   wordForms('résumé') // ['résumé', 'Résumé', 'RÉSUMÉ']
 */
export function wordForms(word: string): string[] {
  const straight = word.replaceAll('’', "'")
  const forms = new Set([straight])
  if (straight === straight.toLowerCase()) forms.add(straight.charAt(0).toUpperCase() + straight.slice(1))
  forms.add(straight.toUpperCase())
  return [...forms]
}
