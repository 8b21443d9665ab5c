import type {Dirent} from 'node:fs'
import {lstat, readdir} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {MAX_FILE_BYTES} from './limits.js'
import {entryType, readRegularFile, withArticle} from './read.js'
import type {ContentLayout, SourceFile, UnreadableEntry} from './rule.js'

/** Files in the content folder that the build reads or allows. */
const CONTENT_LAYOUT = {
  guide: 'guide.md',
  steps: 'steps',
  allowed: ['README.md', 'manifest.json'],
} as const

/** The content folder, read into memory. */
export interface LoadedContent {
  readonly sources: readonly SourceFile[]
  readonly layout: ContentLayout
}

const decoder = new TextDecoder('utf-8', {ignoreBOM: true})

/**
 * Read `guide.md` and `steps/*.md` from a content folder, noting files that
 * are missing or do not belong (nothing is silently skipped). Every file is
 * checked before it is read: only regular files are opened (symbolic links,
 * FIFOs and devices are reported, never followed or opened), and none is
 * read past the size limit.
 *
 * @param directory The content folder.
 * @param cwd Paths in diagnostics are relative to this folder.
 * @param shownAs How diagnostics name the content folder, e.g. as the user
 *   typed it (default: relative to `cwd`); see {@link contentFileNamer}.
 * @returns The raw files and the layout problems.
 * @throws When the content folder itself cannot be listed for a reason other than not existing.
 * @example
 *   const {sources, layout} = await loadContent('content')
 */
export async function loadContent(directory: string, cwd = process.cwd(), shownAs?: string): Promise<LoadedContent> {
  const relative = contentFileNamer(directory, cwd, shownAs)
  const sources: SourceFile[] = []
  const missing: VFile[] = []
  const unexpected: VFile[] = []
  const unreadable: UnreadableEntry[] = []
  const refuse = (file: string, expected: string, found: string): void => {
    unreadable.push({file: new VFile({path: relative(file)}), expected, found})
  }
  // Whether a file was found where one belongs (read, or refused as unreadable).
  const read = async (file: string, kind: SourceFile['kind']): Promise<boolean> => {
    const outcome = await readRegularFile(path.join(directory, file), MAX_FILE_BYTES)
    switch (outcome.kind) {
      case 'missing':
        return false
      case 'special':
        refuse(file, 'a regular file', withArticle(outcome.type))
        return true
      case 'unreadable':
        refuse(file, 'a readable file', `an error (${outcome.code})`)
        return true
      case 'too-large':
        // Not read: the file-format rule reports the size.
        sources.push({file: new VFile({path: relative(file), value: ''}), bytes: new Uint8Array(), size: outcome.size, kind})
        return true
      case 'read': {
        const {bytes} = outcome
        // Decoded leniently here; the file-format rule reports bad bytes and BOMs.
        sources.push({file: new VFile({path: relative(file), value: decoder.decode(bytes)}), bytes, size: bytes.length, kind})
        return true
      }
    }
  }

  const top = await entries(directory)
  if (top === undefined) {
    missing.push(new VFile({path: relative(CONTENT_LAYOUT.guide)}))
    return {sources, layout: {missing, unexpected, unreadable}}
  }
  for (const entry of top) {
    const allowed = [CONTENT_LAYOUT.guide, CONTENT_LAYOUT.steps, ...CONTENT_LAYOUT.allowed] as string[]
    if (!allowed.includes(entry.name)) unexpected.push(new VFile({path: relative(entry.name)}))
  }
  if (!(await read(CONTENT_LAYOUT.guide, 'guide'))) missing.push(new VFile({path: relative(CONTENT_LAYOUT.guide)}))

  let stepsFound = 0
  const steps = await stepsFolder(path.join(directory, CONTENT_LAYOUT.steps))
  if (typeof steps === 'string') {
    refuse(CONTENT_LAYOUT.steps, 'a folder', steps)
    stepsFound++
  }
  for (const entry of Array.isArray(steps) ? steps : []) {
    const file = path.join(CONTENT_LAYOUT.steps, entry.name)
    if (!entry.name.endsWith('.md')) unexpected.push(new VFile({path: relative(file)}))
    else if (await read(file, 'step')) stepsFound++
  }
  if (stepsFound === 0) {
    missing.push(new VFile({path: relative(path.join(CONTENT_LAYOUT.steps, '01-step-id.md'))}))
  }
  return {sources, layout: {missing, unexpected, unreadable}}
}

/**
 * How diagnostics name a file of the content folder: under the folder as the
 * user named it, when known (`check /tmp/c` → `/tmp/c/guide.md`, never
 * `../../tmp/c/guide.md`), else relative to `cwd`.
 *
 * @param directory The content folder.
 * @param cwd The folder paths are relative to when `shownAs` is not given.
 * @param shownAs The content folder as the user typed it.
 * @returns A function from a path inside the content folder to its shown path.
 * @example
 *   contentFileNamer('/tmp/c', '/home/me', '/tmp/c')('guide.md') // '/tmp/c/guide.md'
 */
export function contentFileNamer(directory: string, cwd: string, shownAs?: string): (file: string) => string {
  return (file) => (shownAs === undefined ? path.relative(cwd, path.join(directory, file)) || file : path.join(shownAs, file))
}

// The steps folder's entries; what stands there instead, when it is not a
// real folder (a link to one is refused like any other link); `undefined`
// when there is nothing there.
async function stepsFolder(folder: string): Promise<Dirent[] | string | undefined> {
  try {
    const stats = await lstat(folder)
    if (!stats.isDirectory()) return withArticle(entryType(stats))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  return (await entries(folder)) ?? []
}

async function entries(directory: string): Promise<Dirent[] | undefined> {
  try {
    const found = await readdir(directory, {withFileTypes: true})
    // Code-point order, not locale order: builds must not depend on the machine.
    return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
