import {closeSync, constants, fstatSync, lstatSync, openSync, readSync} from 'node:fs'
import type {Stats} from 'node:fs'
import {lstat, open} from 'node:fs/promises'

/** What kind of file system entry sits where a regular file was expected. */
export type EntryType = 'regular file' | 'symbolic link' | 'folder' | 'named pipe (FIFO)' | 'socket' | 'character device' | 'block device' | 'special file'

/**
 * An entry type with its article, for messages.
 *
 * @param type What {@link entryType} returned.
 * @returns `'a symbolic link'`, `'an error'`…
 * @example
 *   withArticle('folder') // 'a folder'
 */
export function withArticle(type: EntryType): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`
}

/** What {@link readRegularFile} found. */
export type ReadOutcome =
  /** Nothing at that path. */
  | {readonly kind: 'missing'}
  /** Something other than a regular file: never opened, never followed. */
  | {readonly kind: 'special'; readonly type: EntryType}
  /** A regular file over the limit: at most `limit + 1` bytes were read. */
  | {readonly kind: 'too-large'; readonly size: number}
  /** A regular file the operating system would not let us read. */
  | {readonly kind: 'unreadable'; readonly code: string}
  /** The whole file. */
  | {readonly kind: 'read'; readonly bytes: Uint8Array}

/**
 * Name the type of a file system entry, for messages.
 *
 * @param stats What `lstat` (or `fstat`) returned.
 * @returns `'symbolic link'`, `'folder'`, `'named pipe (FIFO)'`…; `'special file'` for a type it cannot name.
 * @example
 *   entryType(await lstat('/dev/null')) // 'character device'
 */
export function entryType(stats: Stats): EntryType {
  if (stats.isFile()) return 'regular file'
  if (stats.isSymbolicLink()) return 'symbolic link'
  if (stats.isDirectory()) return 'folder'
  if (stats.isFIFO()) return 'named pipe (FIFO)'
  if (stats.isSocket()) return 'socket'
  if (stats.isCharacterDevice()) return 'character device'
  if (stats.isBlockDevice()) return 'block device'
  return 'special file'
}

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
  const before = refused(stats, limit)
  if (before !== undefined) return before
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(file, OPEN_FLAGS)
  } catch (error) {
    return openFailure(error)
  }
  try {
    const opened = await handle.stat()
    const after = refused(opened, limit)
    if (after !== undefined) return after
    // One byte more than allowed tells a file that grew past the limit from
    // one that is exactly at it, without reading the rest.
    const buffer = new Uint8Array(limit + 1)
    let length = 0
    while (length < buffer.length) {
      const {bytesRead} = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    return readOutcome(buffer, length, limit, opened.size)
  } catch (error) {
    return failure(error)
  } finally {
    await handle.close()
  }
}

// readRegularFileSync's buffer, grown to the largest limit asked for.
let scratch = new Uint8Array(0)

/**
 * {@link readRegularFile}, synchronously: the same checks in the same order,
 * the same outcomes. For a build that reads each file only when it gets to
 * it (one at a time, from synchronous code), rather than all of them first.
 *
 * @param file The path to read.
 * @param limit The most bytes the file may hold.
 * @returns What was found; only `'read'` carries bytes.
 * @example
 *   const outcome = readRegularFileSync('content/guide.md', MAX_FILE_BYTES)
 *   if (outcome.kind === 'read') new TextDecoder().decode(outcome.bytes)
 */
export function readRegularFileSync(file: string, limit: number): ReadOutcome {
  let stats: Stats
  try {
    stats = lstatSync(file)
  } catch (error) {
    return failure(error)
  }
  const before = refused(stats, limit)
  if (before !== undefined) return before
  let descriptor: number
  try {
    descriptor = openSync(file, OPEN_FLAGS)
  } catch (error) {
    return openFailure(error)
  }
  try {
    const opened = fstatSync(descriptor)
    const after = refused(opened, limit)
    if (after !== undefined) return after
    // One scratch buffer for every read (this never runs twice at once): the
    // bytes are copied out of it.
    if (scratch.length < limit + 1) scratch = new Uint8Array(limit + 1)
    const buffer = scratch.subarray(0, limit + 1)
    let length = 0
    while (length < buffer.length) {
      const bytesRead = readSync(descriptor, buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    return readOutcome(buffer, length, limit, opened.size)
  } catch (error) {
    return failure(error)
  } finally {
    closeSync(descriptor)
  }
}

// The checks on a file's stats, before it is opened (lstat) and again on the
// descriptor (fstat): what it is instead of readable, or undefined if it may be read.
function refused(stats: Stats, limit: number): ReadOutcome | undefined {
  if (!stats.isFile()) return {kind: 'special', type: entryType(stats)}
  if (stats.size > limit) return {kind: 'too-large', size: stats.size}
  return undefined
}

function openFailure(error: unknown): ReadOutcome {
  // ELOOP: it became a symbolic link between the lstat and the open.
  if ((error as NodeJS.ErrnoException).code === 'ELOOP') return {kind: 'special', type: 'symbolic link'}
  return failure(error)
}

// `length` bytes read into `buffer` (room for limit + 1): a copy of them, or
// too large if the file grew past the limit after it was checked.
function readOutcome(buffer: Uint8Array, length: number, limit: number, size: number): ReadOutcome {
  if (length > limit) return {kind: 'too-large', size: Math.max(size, length)}
  return {kind: 'read', bytes: buffer.slice(0, length)}
}

function failure(error: unknown): ReadOutcome {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOENT' || code === 'ENOTDIR') return {kind: 'missing'}
  if (typeof code === 'string') return {kind: 'unreadable', code}
  throw error
}
