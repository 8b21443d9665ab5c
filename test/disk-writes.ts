// Stops a run between two writes to disk with no hook in the code under test:
// node's own node:fs/promises functions that change the disk are wrapped for
// the length of one call (`syncBuiltinESMExports` carries the wrap to named
// imports). A run stopped after a write freezes: like a kill, it writes
// nothing more and runs no `catch` or `finally`.
import fs from 'node:fs'
import {syncBuiltinESMExports} from 'node:module'
import path from 'node:path'

type Fn = (...args: unknown[]) => Promise<unknown>
const WRITES = ['open', 'writeFile', 'link', 'rename', 'unlink', 'rm'] as const

/**
 * Run `body` counting every disk write inside `folder` (`open` for writing,
 * `writeFile`, `link`, `rename`, `unlink`, `rm`), calling `after` with the
 * count after each; when it returns true, the run is stopped there for good.
 * Node's functions are put back before this returns.
 *
 * @returns How many writes were done.
 */
export async function countWrites(folder: string, body: () => Promise<unknown>, after: (n: number) => boolean | void = () => {}): Promise<number> {
  const promises = fs.promises as unknown as Record<string, Fn>
  const originals = WRITES.map((name) => [name, promises[name] as Fn] as const)
  const inside = path.resolve(folder) + path.sep
  let count = 0
  let stop = () => {}
  const stopped = new Promise<void>((resolve) => (stop = resolve))
  for (const [name, original] of originals) {
    promises[name] = async (...args) => {
      const result = await original(...args)
      const flags = name === 'open' ? (args[1] ?? 'r') : 'w'
      const counted = path.resolve(String(args[0])).startsWith(inside) && (typeof flags === 'number' ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0 : flags !== 'r')
      if (!counted || after(++count) !== true) return result
      // A kill closes the files; a handle left open is an error when collected.
      if (name === 'open') await (result as fs.promises.FileHandle).close()
      stop()
      return new Promise(() => {})
    }
  }
  syncBuiltinESMExports()
  try {
    await Promise.race([body(), stopped])
    return count
  } finally {
    for (const [name, original] of originals) promises[name] = original
    syncBuiltinESMExports()
  }
}
