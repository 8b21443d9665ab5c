import {constants} from 'node:fs'
import type {Dirent, Stats} from 'node:fs'
import {lstat, open} from 'node:fs/promises'
import type {VFile} from 'vfile'

/** An entry that stands where a content file or folder belongs but is not one. */
export interface UnreadableEntry {
  /** An empty file named for the entry. */
  readonly file: VFile
  /** What belongs there: `'a regular file'` or `'a folder'`. */
  readonly expected: string
  /** What is there, for the message: `'a symbolic link'`, `'a named pipe (FIFO)'`, `'an error (EACCES)'`… */
  readonly found: string
}

/** What {@link readRegularFile} found. */
export type ReadOutcome =
  /** Nothing at that path. */
  | {readonly kind: 'missing'}
  /**
   * Something other than a regular file (never opened, never followed), or a
   * regular file the operating system would not let us read: what belongs
   * there and what is there, for the message, as in {@link UnreadableEntry}.
   */
  | {readonly kind: 'refused'; readonly expected: string; readonly found: string}
  /** A regular file over the limit: at most `limit + 1` bytes were read. */
  | {readonly kind: 'too-large'; readonly size: number}
  /** The whole file. */
  | {readonly kind: 'read'; readonly bytes: Uint8Array}

const ENTRY_TYPES = [
  ['isFile', 'a regular file'],
  ['isSymbolicLink', 'a symbolic link'],
  ['isDirectory', 'a folder'],
  ['isFIFO', 'a named pipe (FIFO)'],
  ['isSocket', 'a socket'],
  ['isCharacterDevice', 'a character device'],
  ['isBlockDevice', 'a block device'],
] as const

/**
 * Name the type of a file system entry, with its article, for messages.
 *
 * @param stats What `lstat` (or `fstat`) returned, or a folder listing's entry.
 * @returns `'a symbolic link'`, `'a folder'`, `'a named pipe (FIFO)'`…; `'a special file'` for a type it cannot name.
 * @example
 *   entryType(await lstat('/dev/null')) // 'a character device'
 */
export function entryType(stats: Stats | Dirent): string {
  return ENTRY_TYPES.find(([test]) => stats[test]())?.[1] ?? 'a special file'
}

const special = (stats: Stats | Dirent): ReadOutcome => ({kind: 'refused', expected: 'a regular file', found: entryType(stats)})

// O_NOFOLLOW: a path swapped for a symbolic link after the `lstat` fails to
// open (ELOOP) instead of being followed. O_NONBLOCK: one swapped for a FIFO
// opens at once instead of waiting for a writer. (Both are 0 where the
// platform lacks them; the `fstat` after opening still refuses such files.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/**
 * Read a file only if it is a regular file no larger than `limit` bytes.
 * The type and size are checked before anything is read (`lstat`, so a
 * symbolic link is reported, never followed), checked again on the opened
 * descriptor, and at most `limit + 1` bytes are ever read: FIFOs, devices,
 * links and huge or growing files cost nothing and never hang.
 *
 * @param file The path to read.
 * @param limit The most bytes the file may hold.
 * @returns What was found; only `'read'` carries bytes.
 * @example
 *   const outcome = await readRegularFile('content/guide.md', MAX_FILE_BYTES)
 *   if (outcome.kind === 'read') new TextDecoder().decode(outcome.bytes)
 */
export async function readRegularFile(file: string, limit: number): Promise<ReadOutcome> {
  let stats: Stats
  try {
    stats = await lstat(file)
  } catch (error) {
    return failure(error)
  }
  if (!stats.isFile()) return special(stats)
  if (stats.size > limit) return {kind: 'too-large', size: stats.size}
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(file, OPEN_FLAGS)
  } catch (error) {
    // ELOOP: it became a symbolic link between the lstat and the open.
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return {kind: 'refused', expected: 'a regular file', found: 'a symbolic link'}
    return failure(error)
  }
  try {
    const opened = await handle.stat()
    if (!opened.isFile()) return special(opened)
    if (opened.size > limit) return {kind: 'too-large', size: opened.size}
    // One byte more than allowed tells a file that grew past the limit from
    // one that is exactly at it, without reading the rest.
    const buffer = new Uint8Array(limit + 1)
    let length = 0
    while (length < buffer.length) {
      const {bytesRead} = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    if (length > limit) return {kind: 'too-large', size: Math.max(opened.size, length)}
    return {kind: 'read', bytes: buffer.slice(0, length)}
  } catch (error) {
    return failure(error)
  } finally {
    await handle.close()
  }
}

/** What {@link readJsonFile} found: the text and its value, or the text (empty when unread) and what is wrong. */
export type JsonOutcome = {readonly text: string; readonly value: unknown} | {readonly text: string; readonly problem: string}

/**
 * Read a JSON file (the manifest, a translation record) as content files are
 * read ({@link readRegularFile}), in UTF-8.
 *
 * @param file The path to read.
 * @param name How messages name the file (`the manifest`, `translation.json`).
 * @param limit The most bytes the file may hold.
 * @returns Its text and value; its text and a reason for a diagnostic
 *   (`Expected the manifest to be JSON, found …`); `undefined` when there is nothing there.
 * @example
 *   const read = await readJsonFile('content/manifest.json', 'the manifest', MAX_MANIFEST_BYTES)
 */
export async function readJsonFile(file: string, name: string, limit: number): Promise<JsonOutcome | undefined> {
  const outcome = await readRegularFile(file, limit)
  const refuse = (problem: string, text = ''): JsonOutcome => ({text, problem: `Expected ${name} to be ${problem}`})
  switch (outcome.kind) {
    case 'missing':
      return undefined
    case 'refused':
      return refuse(`${outcome.expected}, found ${outcome.found}`)
    case 'too-large':
      return refuse(`at most ${limit} bytes, found ${outcome.size}`)
    case 'read':
      break
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(outcome.bytes)
  } catch {
    return refuse('UTF-8 text, found invalid bytes')
  }
  try {
    return {text, value: JSON.parse(text)}
  } catch (error) {
    return refuse(`JSON, found a syntax error: ${(error as Error).message}`, text)
  }
}

function failure(error: unknown): ReadOutcome {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOENT' || code === 'ENOTDIR') return {kind: 'missing'}
  if (typeof code === 'string') return {kind: 'refused', expected: 'a readable file', found: `an error (${code})`}
  throw error
}
