// A content-addressed cache for scripts/build.ts: each tsup config's output
// files, stored under node_modules/.cache/ace-second-interview/build/<key>/,
// where the key hashes everything that config can read.
//
// What a config can read (its inputs):
// - the project's own files it reaches: every string literal in a file that
//   names a relative path (`'./x.js'`, `"../y.ts"`) is followed, whether it is
//   an import, an export, an `import()` or a comment; more than the imports, never
//   fewer. Folders named as a whole (`src/`) are hashed file by file. Never
//   the build's output (dist*/), and JSON files are hashed, not followed;
// - tsup.config.ts and what it reaches, tsconfig.json and package.json;
// - every installed package, through node_modules/.package-lock.json (npm
//   rewrites it on every install), and the Node version.
// A key that matches means the same inputs, so the same output (the build is
// deterministic; test/build.test.ts proves both). An entry is written in a
// folder of its own and renamed into place whole, so a reader sees a complete
// entry or none.
import {createHash, randomUUID} from 'node:crypto'
import {existsSync, statSync} from 'node:fs'
import {cp, mkdir, readFile, readdir, rename, rm, stat, utimes} from 'node:fs/promises'
import path from 'node:path'

/** Bumped when the format of an entry or of the key changes. */
const CACHE_FORMAT = 1
/** Entries kept after a build (the most recently used). */
const KEEP = 48

// fs.cp into one folder from several configs at once races on the folders
// they share (mkdir of dist/locales/): one copy at a time.
let copying: Promise<unknown> = Promise.resolve()
function copyInto(from: string, outDir: string): Promise<void> {
  const next = copying.then(() => cp(from, outDir, {recursive: true, force: true}))
  copying = next.catch(() => undefined)
  return next
}

/** Where the entries live. */
export function cacheDirectory(root: string): string {
  return path.join(root, 'node_modules', '.cache', 'ace-second-interview', 'build')
}

// Several configs share most of their inputs: each file is read once per build.
const texts = new Map<string, Promise<Buffer>>()
function bytesOf(file: string): Promise<Buffer> {
  let bytes = texts.get(file)
  if (bytes === undefined) texts.set(file, (bytes = readFile(file)))
  return bytes
}

const LITERAL = /(['"`])(\.{1,2}\/[^'"`\n$]*)\1/g

/** The project's files (under `root`, outside node_modules) a relative specifier may name. */
function candidates(root: string, from: string, specifier: string): string[] {
  const base = path.resolve(path.dirname(from), specifier)
  const names = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base.replace(/\.mjs$/, '.mts'), base.replace(/\.cjs$/, '.cts'), base.replace(/\.js$/, '.d.ts'), `${base}.ts`, path.join(base, 'index.ts')]
  return [...new Set(names)].filter((name) => {
    const inside = path.relative(root, name)
    // Never the build's own output (package.json names ./dist/… files).
    if (inside.startsWith('..') || path.isAbsolute(inside) || inside.split(path.sep).includes('node_modules') || /^dist(?:$|[./\\-])/.test(inside)) return false
    return existsSync(name) && statSync(name).isFile()
  })
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {recursive: true, withFileTypes: true})
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))
}

/**
 * The project files reachable from `starts` by relative string literals, the
 * starts included; a folder among the starts stands for every file under it.
 *
 * @param root The project root: files outside it (and node_modules) are not followed.
 * @param starts Absolute paths of files or folders.
 * @param outside A folder (absolute, ending in a separator) whose files are neither read nor listed.
 * @returns Absolute paths, sorted.
 */
export async function inputClosure(root: string, starts: readonly string[], outside?: string): Promise<string[]> {
  const seen = new Set<string>()
  const queue: string[] = []
  for (const start of starts) {
    if ((await stat(start)).isDirectory()) queue.push(...(await filesUnder(start)))
    else queue.push(start)
  }
  while (queue.length > 0) {
    const file = queue.pop()!
    if (seen.has(file) || (outside !== undefined && file.startsWith(outside))) continue
    seen.add(file)
    // Code is followed; data (package.json's exports name outputs) is only hashed.
    if (!/\.[cm]?[jt]sx?$/.test(file)) continue
    const text = (await bytesOf(file)).toString('utf8')
    for (const match of text.matchAll(LITERAL)) {
      for (const next of candidates(root, file, match[2]!)) if (!seen.has(next)) queue.push(next)
    }
  }
  return [...seen].sort()
}

/**
 * The key of one config's output.
 *
 * @param root The project root.
 * @param description What the config is (its options, functions as source text).
 * @param inputs Absolute paths of every project file it can read.
 * @returns A hex digest.
 */
export async function cacheKey(root: string, description: string, inputs: readonly string[]): Promise<string> {
  const hash = createHash('sha256')
  hash.update(`format ${CACHE_FORMAT}\nnode ${process.version}\n${description}\n`)
  const installed = await readFile(path.join(root, 'node_modules', '.package-lock.json')).catch(() => Buffer.from('no node_modules/.package-lock.json'))
  hash.update(`installed ${createHash('sha256').update(installed).digest('hex')}\n`)
  for (const file of [...inputs].sort()) {
    const bytes = await bytesOf(file)
    hash.update(`${path.relative(root, file)} ${bytes.length}\n`).update(bytes).update('\n')
  }
  return hash.digest('hex')
}

/**
 * Copy a cached entry's files into `outDir`, if there is one.
 *
 * @returns Whether the entry was there.
 */
export async function restore(root: string, key: string, outDir: string): Promise<boolean> {
  const entry = path.join(cacheDirectory(root), key)
  if (!existsSync(entry)) return false
  await copyInto(entry, outDir)
  const now = new Date()
  await utimes(entry, now, now).catch(() => undefined)
  return true
}

/**
 * Run `produce` into a fresh folder and store that folder as the entry for
 * `key` (renamed into place whole), then copy it into `outDir`.
 */
export async function produceAndStore(root: string, key: string, outDir: string, produce: (folder: string) => Promise<void>): Promise<void> {
  const directory = cacheDirectory(root)
  await mkdir(directory, {recursive: true})
  const temporary = path.join(directory, `tmp-${process.pid}-${randomUUID()}`)
  try {
    await mkdir(temporary)
    await produce(temporary)
    await copyInto(temporary, outDir)
    try {
      await rename(temporary, path.join(directory, key))
    } catch (error) {
      // Another build stored the same key first: its entry has the same bytes.
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error
    }
  } finally {
    await rm(temporary, {recursive: true, force: true})
  }
}

/** Remove all but the most recently used entries (and temporary folders a killed build left). */
export async function prune(root: string): Promise<void> {
  const directory = cacheDirectory(root)
  const names = await readdir(directory).catch(() => [] as string[])
  const entries = await Promise.all(names.map(async (name) => ({name, time: (await stat(path.join(directory, name)).catch(() => undefined))?.mtimeMs ?? 0})))
  const hour = 60 * 60 * 1000
  const stale = entries.filter((entry) => entry.name.startsWith('tmp-') && Date.now() - entry.time > hour)
  const kept = entries.filter((entry) => !entry.name.startsWith('tmp-')).sort((a, b) => b.time - a.time)
  for (const entry of [...stale, ...kept.slice(KEEP)]) await rm(path.join(directory, entry.name), {recursive: true, force: true})
}
