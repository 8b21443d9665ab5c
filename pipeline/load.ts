import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import type {ContentLayout, SourceFile} from './rule.js'

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
 * are missing or do not belong (nothing is silently skipped).
 *
 * @param directory The content folder.
 * @param cwd Paths in diagnostics are relative to this folder.
 * @param shownAs How diagnostics name the content folder, e.g. as the user
 *   typed it (default: relative to `cwd`); see {@link contentFileNamer}.
 * @returns The raw files and the layout problems.
 */
export async function loadContent(directory: string, cwd = process.cwd(), shownAs?: string): Promise<LoadedContent> {
  const relative = contentFileNamer(directory, cwd, shownAs)
  const sources: SourceFile[] = []
  const missing: VFile[] = []
  const unexpected: VFile[] = []
  const read = async (file: string, kind: SourceFile['kind']): Promise<void> => {
    const bytes = new Uint8Array(await readFile(path.join(directory, file)))
    // Decoded leniently here; the file-format rule reports bad bytes and BOMs.
    sources.push({file: new VFile({path: relative(file), value: decoder.decode(bytes)}), bytes, kind})
  }

  const top = await entries(directory)
  if (top === undefined) {
    missing.push(new VFile({path: relative(CONTENT_LAYOUT.guide)}))
    return {sources, layout: {missing, unexpected}}
  }
  for (const entry of top) {
    const allowed = [CONTENT_LAYOUT.guide, CONTENT_LAYOUT.steps, ...CONTENT_LAYOUT.allowed] as string[]
    if (!allowed.includes(entry.name)) unexpected.push(new VFile({path: relative(entry.name)}))
  }
  if (top.some((entry) => entry.name === CONTENT_LAYOUT.guide && entry.isFile())) {
    await read(CONTENT_LAYOUT.guide, 'guide')
  } else {
    missing.push(new VFile({path: relative(CONTENT_LAYOUT.guide)}))
  }
  const steps = (await entries(path.join(directory, CONTENT_LAYOUT.steps))) ?? []
  for (const entry of steps) {
    const file = path.join(CONTENT_LAYOUT.steps, entry.name)
    if (entry.isFile() && entry.name.endsWith('.md')) await read(file, 'step')
    else unexpected.push(new VFile({path: relative(file)}))
  }
  if (!sources.some((source) => source.kind === 'step')) {
    missing.push(new VFile({path: relative(path.join(CONTENT_LAYOUT.steps, '01-step-id.md'))}))
  }
  return {sources, layout: {missing, unexpected}}
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

async function entries(directory: string) {
  try {
    const found = await readdir(directory, {withFileTypes: true})
    // Code-point order, not locale order: builds must not depend on the machine.
    return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
