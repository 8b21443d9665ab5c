// What `check` does once its arguments are read: run `checkContent` (the
// `ace-second-interview/check` API) and print the verdict, once or on every
// save. Shared by the bin and `npm run check:content` / `npm run dev`, so it
// imports nothing that needs the generated guide data: a fresh clone, with no
// build, can run it.
import {type FSWatcher, readdirSync, watch} from 'node:fs'
import path from 'node:path'
import {formatDiagnostics, formatGithub, shouldUseColor} from '../pipeline/report.js'
import {escapeControl} from '../pipeline/terminal.js'
import {escapeJson} from '../src/describe.js'
import type {CheckError} from '#check'
import {quote} from './args.js'
import type {Io} from './command.js'

/** The formats `check` prints. */
export const CHECK_FORMATS = ['text', 'json', 'github'] as const

/** What to check and how to print it. */
export interface CheckRequest {
  /** The content folder, as the user gave it (relative to `io.cwd` or absolute). */
  readonly dir: string
  /** `text` (file:line:column lines), `json` (the diagnostics) or `github` (workflow commands). */
  readonly format: (typeof CHECK_FORMATS)[number]
  /** Keep running and check again on every change. */
  readonly watch: boolean
  /** Fail on warnings too (a missing or outdated translation). */
  readonly strict?: boolean | undefined
  /** In text, fold a translation's warnings that it is behind into one line per locale naming this command (default: each is printed). */
  readonly summarize?: string | undefined
  /** Who is speaking, for one-line errors (`ace-second-interview check`). */
  readonly program: string
}

/**
 * The command that lists each warning a summary folds: `command`, the folder
 * when one was given (quoted for a shell), and `--verbose`.
 *
 * @param command The check as typed, `npx ace-second-interview check`.
 * @param dir The folder argument; `undefined` when none was given.
 * @returns The command line, e.g. `npx ace-second-interview check 'my content' --verbose`.
 * @example
 *   verboseCommand('npm run check:content --', 'content') // 'npm run check:content -- content --verbose'
 */
export function verboseCommand(command: string, dir: string | undefined): string {
  const word = dir === undefined || /^[\w./@%+=:,-]+$/.test(dir) ? dir : `'${dir.replaceAll("'", "'\\''")}'`
  return `${command}${word === undefined ? '' : ` ${word}`} --verbose`
}

/** Opens every watch-mode run; `.vscode/tasks.json`'s `beginsPattern` matches it. */
export const WATCH_BEGIN = 'check --watch: checking'
/** Closes every watch-mode run; `.vscode/tasks.json`'s `endsPattern` matches it. */
export const WATCH_END = 'check --watch: done'

// Saves come as bursts of events (write, chmod, rename of a temporary file):
// one check per burst.
const DEBOUNCE_MS = 15

/** The package the check API ships in (packages/check/), which apps install to run `check`, `locales` and `translation`. */
const CHECK_PACKAGE = 'ace-second-interview-check'
/** Code of the error {@link loadCheck} throws when {@link CHECK_PACKAGE} is not installed (the bin exits 2). */
export const CHECK_MISSING = 'ERR_CHECK_NOT_INSTALLED'

// The check API (`ace-second-interview/check`). The pipeline (unified, remark,
// yaml: most of the code) is loaded only when a check (or `locales`,
// `translation`) runs, so `steps` and friends start fast. `#check` is
// CHECK_PACKAGE, which an app installs beside this package (package.json's
// "imports"; pipeline/check.ts under the `ace-source` condition).
async function loadCheck(): Promise<typeof import('#check')> {
  try {
    return await import('#check')
  } catch (error) {
    // Node names the package it could not find: "Cannot find package 'x' imported from …".
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND' || !(error as Error).message.includes(`'${CHECK_PACKAGE}'`)) throw error
    throw Object.assign(new Error(`expected the content check, ${CHECK_PACKAGE}, to be installed, found none; install it with \`npm install --save-dev ${CHECK_PACKAGE}\``), {code: CHECK_MISSING})
  }
}

/**
 * Check a content folder and print the verdict; with `watch`, keep checking
 * on every change until the process is stopped.
 *
 * @param request The folder, the format and whether to watch.
 * @param io Where to write.
 * @returns 0 clean, 1 content errors (or, with `strict`, warnings), 2 no such
 *   folder; in watch mode, only 2 (there is no folder to watch).
 * @throws Whatever an unexpected failure (e.g. an unreadable file) throws.
 * @example
 *   process.exitCode = await runCheck({dir: 'content', format: 'text', watch: false, program: 'check'}, {stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd()})
 */
export async function runCheck(request: CheckRequest, io: Io): Promise<number> {
  // First, so that without the check package a watch stops before it starts.
  await loadCheck()
  return request.watch ? watchFolder(request, io) : checkOnce(request, io)
}

/**
 * Call the check API, loaded on demand. A folder, tag or file that is not
 * there (a `CheckError`) is said on one line on stderr, in the command
 * line's words.
 *
 * @param program Who is speaking (`ace-second-interview check`).
 * @param io Where to write.
 * @param call What to ask of the API.
 * @returns What `call` returned; `undefined` (exit status 2) after a `CheckError`.
 * @throws Whatever else `call` throws.
 * @example
 *   const result = await withCheck('ace-second-interview locales', io, (api) => api.translationStatus('content'))
 */
export async function withCheck<T>(program: string, io: Io, call: (api: typeof import('#check')) => Promise<T>): Promise<T | undefined> {
  const api = await loadCheck()
  try {
    return await call(api)
  } catch (error) {
    if (!api.isCheckError(error)) throw error
    io.stderr.write(`${program}: ${explain(error)}\n`)
    return undefined
  }
}

// A CheckError as one line: the folder, tag or file that is not there.
function explain(error: CheckError): string {
  if (error.code === 'ERR_CHECK_INVALID_OPTION') return escapeControl(error.message)
  if (error.code === 'ERR_CHECK_NO_LOCALE') return `expected <tag> to be a translation of the content folder (${error.expected?.join(', ') || 'none'}), received ${quote(error.path)}`
  if (error.code === 'ERR_CHECK_NO_FILE') return `expected <file> to be a PO or XLIFF file, found ${error.found ?? 'nothing'} at ${quote(error.path)}`
  return `expected [content-dir] to be a folder, found ${error.code === 'ERR_CHECK_NO_FOLDER' ? 'nothing' : 'a file'} at ${quote(error.path)}`
}

async function checkOnce(request: CheckRequest, io: Io): Promise<number> {
  const result = await withCheck(request.program, io, (api) => api.checkContent(request.dir, {cwd: io.cwd, strict: request.strict === true}))
  if (result === undefined) return 2
  if (request.format === 'json') {
    // Watch mode prints one run a line (JSON Lines); once, the array is indented.
    io.stdout.write(`${escapeJson(request.watch ? JSON.stringify(result.diagnostics) : JSON.stringify(result.diagnostics, null, 2))}\n`)
  } else if (request.format === 'github') {
    io.stdout.write(formatGithub(result.diagnostics))
  } else {
    const color = shouldUseColor({isTTY: io.stdout.isTTY, env: io.env})
    // A failed check always has a report; a clean one may have none.
    const report = formatDiagnostics(result.files, {color, tips: true, summarize: request.summarize})
    io.stdout.write(report || `check: ${escapeControl(request.dir)} is clean (${result.steps} steps)\n`)
  }
  return result.ok ? 0 : 1
}

async function watchFolder(request: CheckRequest, io: Io): Promise<number> {
  const root = path.resolve(io.cwd, request.dir)
  const text = request.format === 'text'
  let status = 0
  let running: Promise<void> | undefined
  let again = false
  let timer: NodeJS.Timeout | undefined
  // Each content folder has its own watch (see contentFolders).
  const watched = new Map<string, FSWatcher>()

  const check = async (): Promise<void> => {
    const started = process.hrtime.bigint()
    if (text) io.stdout.write(`${WATCH_BEGIN} ${escapeControl(request.dir)}\n`)
    try {
      status = await checkOnce(request, io)
    } catch (error) {
      // E.g. a file renamed away between listing the folder and reading it,
      // as an editor's save does: say so, and let the next change run again.
      io.stderr.write(`${request.program}: ${escapeControl(error instanceof Error ? error.message : String(error))}\n`)
      status = 1
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    if (text) io.stdout.write(`${WATCH_END} in ${Math.round(ms)} ms; watching ${escapeControl(request.dir)} for changes (Ctrl-C to stop)\n`)
  }
  const schedule = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (running !== undefined) {
        again = true
        return
      }
      running = check().finally(() => {
        running = undefined
        // Only a watch that is not open is (re)opened here: closing an open
        // one would drop the events it holds but has not delivered yet.
        refresh()
        if (again) {
          again = false
          schedule()
        }
      })
    }, DEBOUNCE_MS)
  }

  // Plain directory watches, not `recursive`: on Linux, Node 20's recursive
  // mode watches each file by inode and goes deaf to a file an editor saved
  // by writing a copy and renaming it over the original. A directory's own
  // watch sees every write, rename and delete inside it.
  // Opens a watch on each content folder that has none; first closes those
  // gone, and those at or inside `replaced` (a folder created or renamed
  // over: its old watch sees nothing of the new one).
  const refresh = (replaced?: string): void => {
    const wanted = contentFolders(root)
    const inside = (folder: string): boolean => replaced !== undefined && (folder === replaced || folder.startsWith(`${replaced}${path.sep}`))
    for (const [folder, watcher] of watched) {
      if (inside(folder) || !wanted.includes(folder)) {
        watcher.close()
        watched.delete(folder)
      }
    }
    for (const folder of wanted) {
      if (watched.has(folder)) continue
      try {
        const watcher = watch(folder, {persistent: true}, (_event, name) => {
          // This folder, or a content folder in it, replaced or created: watch the new one.
          if (name === null) refresh(folder)
          else if (contentFolders(root).includes(path.join(folder, name))) refresh(path.join(folder, name))
          schedule()
        })
        watcher.on('error', () => {
          // The folder went away: watched again once a run finds it back.
          watcher.close()
          if (watched.get(folder) === watcher) watched.delete(folder)
          schedule()
        })
        watched.set(folder, watcher)
      } catch {
        // Missing: the check reports it, and a later run retries.
      }
    }
  }
  refresh()

  await check()
  // Nothing to watch: the one-line error is printed; stop rather than wait forever.
  if (!watched.has(root)) return status
  // Watching lasts until the process is stopped (Ctrl-C).
  return new Promise(() => {})
}

// The folders that hold content: the root, steps/, locales/, and each
// locales/<tag>/ and its steps/.
function contentFolders(root: string): string[] {
  const locales = path.join(root, 'locales')
  return [root, path.join(root, 'steps'), locales, ...subfolders(locales).flatMap((tag) => [path.join(locales, tag), path.join(locales, tag, 'steps')])]
}

// The names of the real folders in a folder (none when it is missing).
function subfolders(folder: string): string[] {
  try {
    return readdirSync(folder, {withFileTypes: true}).filter((entry) => entry.isDirectory()).map((entry) => entry.name)
  } catch {
    return []
  }
}
