// A scratch file that lines are appended to and read back once: where a
// streaming build keeps what it made but does not need until the end (the
// render data), so memory holds one step's worth at a time, not the guide's.
import {closeSync, mkdtempSync, openSync, readSync, fstatSync, rmSync, unlinkSync, writeSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

// Spills whose file could not be unlinked while open (Windows), removed on exit.
const leftovers = new Set<string>()
let exitCleanup = false

// A spill never read back is closed when whatever would read it is collected.
const unread = new FinalizationRegistry<Spill>((spill) => spill.discard())

/** How much a spill holds in memory before it goes to a file: 8 MiB of text. */
export const SPILL_THRESHOLD: number = 8 * 1024 * 1024

// How much a spill on disk gathers before writing it (characters).
const WRITE_BATCH = 1024 * 1024

/**
 * Lines of text appended one at a time and read back whole once. They are
 * held in memory up to a threshold (a small build never touches the disk),
 * then written to a temporary file (in batches of about 1 MiB), which is unlinked as soon as it is opened
 * where the system allows it: it then lives only as long as its descriptor,
 * so nothing is left behind however the process ends. Elsewhere its folder
 * is removed on read, discard or exit.
 */
export class Spill {
  private fd: number | undefined
  private folder: string | undefined
  private pending: string[] | undefined = []
  private pendingLength = 0
  // Lines appended once on disk, not yet written.
  private unwritten: string[] = []
  private unwrittenLength = 0
  // Lines appended in all, to check what is read back.
  private count = 0

  /** @param threshold Characters held in memory before the lines go to a file (default {@link SPILL_THRESHOLD}). */
  constructor(private readonly threshold: number = SPILL_THRESHOLD) {}

  /**
   * Append one line.
   *
   * @param line Text without a line break.
   * @throws {Error} When the spill was already read or discarded.
   */
  append(line: string): void {
    if (this.fd !== undefined) {
      this.count++
      // Written in batches: one system call per ~1 MiB, not one per line.
      this.unwritten.push(line)
      this.unwrittenLength += line.length + 1
      if (this.unwrittenLength > WRITE_BATCH) this.flush()
      return
    }
    if (this.pending === undefined) throw new Error('Spill: expected an open spill to append to, found it read or discarded')
    this.count++
    this.pending.push(line)
    this.pendingLength += line.length + 1
    if (this.pendingLength > this.threshold) this.open()
  }

  /** Whether the lines went to a file. */
  get onDisk(): boolean {
    return this.fd !== undefined
  }

  /**
   * Close the spill once `owner` is garbage-collected, unless it was read first.
   *
   * @param owner What would read the spill.
   */
  discardWith(owner: object): void {
    if (this.fd !== undefined) unread.register(owner, this, this)
  }

  /**
   * Read every line back, in the order appended, and remove the spill.
   *
   * @returns The lines.
   * @throws {Error} When the spill was already read or discarded, or the file gives back another number of lines than were appended.
   */
  read(): string[] {
    const {fd, pending} = this
    if (fd === undefined) {
      if (pending === undefined) throw new Error('Spill: expected a spill not yet read, found it read or discarded')
      this.discard()
      return pending
    }
    this.flush()
    const size = fstatSync(fd).size
    const bytes = Buffer.alloc(size)
    let at = 0
    while (at < size) at += readSync(fd, bytes, at, size - at, at)
    this.discard()
    const text = bytes.toString('utf8')
    const lines = text === '' ? [] : text.slice(0, -1).split('\n')
    if (lines.length !== this.count) throw new Error(`Spill: expected ${this.count} lines read back, found ${lines.length}: the scratch file lost some`)
    return lines
  }

  /** Close and remove the spill without reading it (again a no-op). */
  discard(): void {
    this.pending = undefined
    this.pendingLength = 0
    this.unwritten = []
    this.unwrittenLength = 0
    unread.unregister(this)
    if (this.fd === undefined) return
    closeSync(this.fd)
    this.fd = undefined
    if (this.folder !== undefined && leftovers.delete(this.folder)) rmSync(this.folder, {recursive: true, force: true})
  }

  private flush(): void {
    if (this.fd === undefined || this.unwritten.length === 0) return
    writeAll(this.fd, `${this.unwritten.join('\n')}\n`)
    this.unwritten = []
    this.unwrittenLength = 0
  }

  // Past the threshold: the lines so far go to a new file, and the rest as they come.
  private open(): void {
    const folder = mkdtempSync(path.join(tmpdir(), 'ace-build-spill-'))
    const file = path.join(folder, 'lines')
    const fd = openSync(file, 'w+')
    try {
      unlinkSync(file)
      rmSync(folder, {recursive: true, force: true})
    } catch {
      this.folder = folder
      leftovers.add(folder)
      if (!exitCleanup) {
        exitCleanup = true
        process.once('exit', () => {
          for (const left of leftovers) rmSync(left, {recursive: true, force: true})
        })
      }
    }
    this.fd = fd
    const lines = this.pending ?? []
    this.pending = undefined
    this.pendingLength = 0
    if (lines.length > 0) writeAll(fd, `${lines.join('\n')}\n`)
  }
}

// One writeSync may write less than it was given (a signal, a file-size
// limit): write the rest until all is written; a full disk throws.
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text)
  let at = 0
  while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at)
}
