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

/**
 * Lines of text appended one at a time to a temporary file, read back whole
 * once. The file is unlinked as soon as it is opened, where the system allows
 * it: it then lives only as long as its descriptor, so nothing is left behind
 * however the process ends. Elsewhere its folder is removed on read, discard
 * or exit.
 */
export class Spill {
  private fd: number | undefined
  private readonly folder: string

  constructor() {
    this.folder = mkdtempSync(path.join(tmpdir(), 'ace-build-spill-'))
    const file = path.join(this.folder, 'lines')
    this.fd = openSync(file, 'w+')
    try {
      unlinkSync(file)
      rmSync(this.folder, {recursive: true, force: true})
    } catch {
      leftovers.add(this.folder)
      if (!exitCleanup) {
        exitCleanup = true
        process.once('exit', () => {
          for (const folder of leftovers) rmSync(folder, {recursive: true, force: true})
        })
      }
    }
  }

  /**
   * Append one line.
   *
   * @param line Text without a line break.
   */
  append(line: string): void {
    if (this.fd === undefined) throw new Error('Spill: expected an open spill to append to, found it read or discarded')
    writeSync(this.fd, `${line}\n`)
  }

  /**
   * Close the spill once `owner` is garbage-collected, unless it was read first.
   *
   * @param owner What would read the spill.
   */
  discardWith(owner: object): void {
    unread.register(owner, this, this)
  }

  /**
   * Read every line back, in the order appended, and remove the spill.
   *
   * @returns The lines.
   * @throws {Error} When the spill was already read or discarded.
   */
  read(): string[] {
    const {fd} = this
    if (fd === undefined) throw new Error('Spill: expected a spill not yet read, found it read or discarded')
    const size = fstatSync(fd).size
    const bytes = Buffer.alloc(size)
    let at = 0
    while (at < size) at += readSync(fd, bytes, at, size - at, at)
    this.discard()
    const text = bytes.toString('utf8')
    return text === '' ? [] : text.slice(0, -1).split('\n')
  }

  /** Close and remove the spill without reading it (again a no-op). */
  discard(): void {
    unread.unregister(this)
    if (this.fd === undefined) return
    closeSync(this.fd)
    this.fd = undefined
    if (leftovers.delete(this.folder)) rmSync(this.folder, {recursive: true, force: true})
  }
}
