// Writes that survive a kill at any moment, for the build-time scripts:
// `commitFiles` replaces several files as one change (content:version's
// manifest, package.json, lockfile and changelog) and `swapDirectory` puts a
// freshly built folder in place of the old one (the build's dist/). Each has a
// repair function that the next run calls first.
import {link, open, readFile, readdir, rename, rm, stat, unlink, writeFile} from 'node:fs/promises'
import path from 'node:path'

/** One file to replace, and its new text. */
export interface PlannedWrite {
  readonly path: string
  readonly text: string
}

/** Marks temporary files of {@link commitFiles}: `<file>.<TEMP_TAG>-<pid>.tmp`. */
const TEMP_TAG = 'commit'

function tempName(file: string): string {
  return `${file}.${TEMP_TAG}-${process.pid}.tmp`
}

async function fsyncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

// Written, flushed to disk and closed: after this the bytes survive a crash.
async function writeDurable(file: string, text: string): Promise<void> {
  const handle = await open(file, 'w')
  try {
    await handle.writeFile(text)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Write one file atomically: a temporary file beside it, flushed, then renamed
 * over it. A reader (or a crash) sees the old bytes or the new, never a part.
 *
 * @param file The file to replace.
 * @param text Its new text.
 * @example
 *   await writeFileAtomic('content/manifest.json', '{"releases": []}\n')
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = tempName(file)
  try {
    await writeDurable(temp, text)
    await rename(temp, file)
  } catch (error) {
    // Nothing was replaced: no litter is left beside `file` either.
    await rm(temp, {force: true})
    throw error
  }
  await fsyncDirectory(path.dirname(file))
}

interface Journal {
  readonly files: ReadonlyArray<{readonly path: string; readonly temp: string}>
}

/**
 * Replace several files as one change. Every new text is first written to a
 * temporary file beside its target and flushed; then a journal listing them
 * is renamed into place (the commit point); then each temporary file is
 * renamed over its target, in the order given; then the journal goes. Killed
 * before the journal exists, nothing changed (the temporary files are litter
 * that {@link recoverCommit} removes); killed after, {@link recoverCommit}
 * finishes the renames. So once repaired, the files are all old or all new.
 *
 * @param journal Where the journal lives while the change is in flight.
 * @param writes The files and their new texts; the last is renamed last.
 * @throws {Error} When a write fails before the commit point; nothing changed then.
 * @example
 *   await commitFiles('.content-version.journal', [{path: 'package.json', text}])
 */
export async function commitFiles(journal: string, writes: readonly PlannedWrite[]): Promise<void> {
  const base = path.dirname(journal)
  const entries = writes.map((write) => ({path: write.path, temp: tempName(write.path)}))
  for (const [index, write] of writes.entries()) {
    await writeDurable(entries[index]?.temp as string, write.text)
  }
  const record: Journal = {files: entries.map((entry) => ({path: path.relative(base, entry.path), temp: path.relative(base, entry.temp)}))}
  await writeFileAtomic(journal, `${JSON.stringify(record, null, 2)}\n`)
  for (const entry of entries) {
    await rename(entry.temp, entry.path)
    await fsyncDirectory(path.dirname(entry.path))
  }
  await unlink(journal)
  await fsyncDirectory(base)
}

/**
 * Repair what an interrupted {@link commitFiles} left: with a journal, finish
 * its renames (the change was committed); without one, remove the temporary
 * files (it was not). Call it before reading any of the files.
 *
 * @param journal The journal path given to `commitFiles`.
 * @param targets Every file a commit may write; a journal naming anything
 *   else is refused.
 * @returns The targets whose new text an interrupted commit had not yet put
 *   in place, now renamed in; empty when there was nothing to finish.
 * @throws {Error} When the journal names a file outside `targets`.
 */
export async function recoverCommit(journal: string, targets: readonly string[]): Promise<string[]> {
  const base = path.dirname(journal)
  const completed: string[] = []
  const text = await readFile(journal, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw invalidJournal(journal, `an unreadable file (${error.code ?? error.message})`)
  })
  if (text !== undefined) {
    let record: Journal
    try {
      record = JSON.parse(text) as Journal
    } catch {
      throw invalidJournal(journal, 'not JSON')
    }
    if (!Array.isArray(record?.files)) throw invalidJournal(journal, 'no "files" list')
    // Each temporary file as commitFiles names it: another name (a second target) would be renamed over the first.
    const prefix = (entry: Journal['files'][number]): string => `${entry.path}.${TEMP_TAG}-`
    const bad = record.files.find((entry) => typeof entry?.path !== 'string' || typeof entry.temp !== 'string' || !entry.temp.startsWith(prefix(entry)) || !/^\d+\.tmp$/.test(entry.temp.slice(prefix(entry).length)))
    if (bad !== undefined) throw invalidJournal(journal, `an entry that is not a file and its temporary file (${JSON.stringify(bad)})`)
    const known = new Set(targets.map((target) => path.resolve(target)))
    // Checked before the first rename: a journal is finished whole or not at all.
    const stranger = record.files.find((entry) => !known.has(path.resolve(base, entry.path)))
    if (stranger !== undefined) throw new Error(`recoverCommit: expected the journal ${journal} to name only ${targets.join(', ')}, found ${stranger.path}`)
    for (const entry of record.files) {
      const target = path.resolve(base, entry.path)
      const temp = path.resolve(base, entry.temp)
      // Already renamed when the temporary file is gone.
      if (await exists(temp)) {
        await rename(temp, target)
        await fsyncDirectory(path.dirname(target))
        completed.push(target)
      }
    }
    await unlink(journal)
    await fsyncDirectory(base)
  }
  // The caller runs alone (content:version holds its lock): every temporary file is stale.
  for (const file of [...targets, journal]) await removeTemps(file, () => false)
  return completed
}

// A journal this module did not write (edited, or something else at its path): nothing can be
// completed or undone from it, so the run stops before it writes anything.
function invalidJournal(journal: string, found: string): Error {
  const message = `expected ${journal} to be the journal an interrupted run wrote (JSON naming its files), found ${found}; check the files it names by hand (git status), then delete it`
  return Object.assign(new Error(message), {code: 'ERR_INVALID_JOURNAL'})
}

/**
 * Remove the temporary files an interrupted {@link writeFileAtomic} left
 * beside `file` (`<file>.commit-<pid>.tmp`): killed before its rename, it
 * left `file` as it was.
 *
 * @param file The file that was being written.
 * @param isAlive Whether a process id still runs; its files are left alone.
 * @returns The files removed.
 * @example
 *   await removeTemps('content/locales/es/translation.json')
 */
export async function removeTemps(file: string, isAlive: (pid: number) => boolean = isRunning): Promise<string[]> {
  const removed: string[] = []
  for (const {file: temp, pid} of await besides(file, new RegExp(`^${TEMP_TAG}-(\\d+)\\.tmp$`))) {
    if (isAlive(pid)) continue
    await rm(temp, {force: true})
    removed.push(temp)
  }
  return removed
}

/**
 * Take a lock file holding this process's id, so that one process at a time
 * runs; a lock whose process no longer runs (killed) is taken over. Remove
 * the file to release it.
 *
 * @param file The lock file.
 * @returns `undefined` once the lock is this process's, else the id of the running process that holds it.
 * @example
 *   if ((await takeLock('.content-version.lock')) === undefined) {
 *     try { … } finally { await rm('.content-version.lock') }
 *   }
 */
export async function takeLock(file: string): Promise<number | undefined> {
  const temp = tempName(file)
  await writeFile(temp, `${process.pid}\n`)
  try {
    for (;;) {
      try {
        // A link appears with the id already in it, or not at all: no lock is ever empty.
        await link(temp, file)
        return undefined
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const pid = Number(await readFile(file, 'utf8').catch(() => 0))
      if (pid > 0 && isRunning(pid)) return pid
      await rm(file, {force: true})
    }
  } finally {
    await rm(temp, {force: true})
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? false : Promise.reject(error)),
  )
}

/**
 * Put a freshly built folder in place of the old one. Node has no atomic
 * exchange of two folders (`renameat2(RENAME_EXCHANGE)`), so this takes two
 * renames: the old folder moves aside to `<target>.old-<pid>`, the new one
 * takes its place. Between those two system calls `target` does not exist;
 * a kill exactly there leaves `<target>.old-<pid>`, which
 * {@link repairSwap} (run first by the next build) puts back.
 *
 * @param staging The complete new folder, on the same file system as `target`.
 * @param target The folder to replace (it may not exist yet).
 * @throws {Error} When a rename fails; the old folder is put back first.
 */
export async function swapDirectory(staging: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`
  let moved = false
  try {
    await rename(target, old)
    moved = true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  try {
    await rename(staging, target)
  } catch (error) {
    if (moved) await rename(old, target)
    throw error
  }
  await fsyncDirectory(path.dirname(target))
  if (moved) await rm(old, {recursive: true, force: true})
}

/**
 * Repair what an interrupted {@link swapDirectory} or build left beside
 * `target`: when `target` is missing, the `<target>.old-<pid>` of a process
 * that no longer runs is put back (every build repairs before it swaps, so
 * there is at most one); leftover `.old-<pid>` and `.staging-<pid>` folders
 * of dead processes are removed. Folders of running processes (a build at
 * work) are left alone.
 *
 * @param target The folder `swapDirectory` replaces.
 * @param isAlive Whether a process id still runs (tests inject one).
 * @returns The `<target>.old-<pid>` folder put back as `target`, if one was.
 */
export async function repairSwap(target: string, isAlive: (pid: number) => boolean = isRunning): Promise<string | undefined> {
  let restored: string | undefined
  for (const {file, pid, kind} of await besides(target, /^(old|staging)-(\d+)$/)) {
    if (isAlive(pid)) continue
    if (kind === 'old' && restored === undefined && !(await exists(target))) {
      await rename(file, target)
      await fsyncDirectory(path.dirname(target))
      restored = file
    } else {
      await rm(file, {recursive: true, force: true})
    }
  }
  return restored
}

// The files beside `file` named `<file>.<suffix>`, where `suffix` matches
// `pattern`: its last group is a process id, its first (of two) a kind.
async function besides(file: string, pattern: RegExp): Promise<Array<{file: string; pid: number; kind: string | undefined}>> {
  const directory = path.dirname(file)
  const prefix = `${path.basename(file)}.`
  return (await readdir(directory).catch(() => [] as string[])).flatMap((name) => {
    const match = name.startsWith(prefix) ? pattern.exec(name.slice(prefix.length)) : null
    return match === null ? [] : [{file: path.join(directory, name), pid: Number(match.at(-1)), kind: match.length > 2 ? match[1] : undefined}]
  })
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
