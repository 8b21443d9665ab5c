import type {Dirent} from 'node:fs'
import {lstat, readdir} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {loadSpellChecker} from '../lint/dictionaries.js'
import {MAX_FILE_BYTES} from '../limits.js'
import {entryType, readRegularFile} from './read.js'
import {TRANSLATION_RECORD_FILE, type TranslationRecord, readTranslationRecord} from './translation-record.js'
import type {UnreadableEntry} from './read.js'
import type {ContentLayout, SourceFile} from '../lint/rule.js'
import {WORDS_FILE, type WordList, readWordList} from './words.js'

/** Files a content folder may hold besides guide.md and steps/: the source's, and a translation's (`locales/<tag>/`). */
const ALLOWED = {
  source: ['locales', 'README.md', 'manifest.json', WORDS_FILE],
  translation: [TRANSLATION_RECORD_FILE, WORDS_FILE],
}

/**
 * Files an operating system or an editor leaves beside the ones it saves,
 * ignored wherever they are: Finder's `.DS_Store` and `._*`, Windows'
 * `Thumbs.db` and `desktop.ini`, backups (`*~`, `*.bak`), Vim's swap files
 * (`.*.swp`, `.swo`…) and Emacs' lock and auto-save files (`.#*`, `#*#`).
 */
const DROPPED = /^(?:\.DS_Store|\._.*|Thumbs\.db|desktop\.ini|.*~|.*\.bak|\..*\.sw[a-z]|\.#.*|#.*#)$/i

/** The folder under the content folder that holds one folder per translation. */
export const LOCALES_FOLDER = 'locales'

/** One content folder (the source, or one translation), read into memory. */
export interface LoadedFolder {
  readonly sources: readonly SourceFile[]
  readonly layout: ContentLayout
  /** The folder, absolute. */
  readonly directory: string
  /** How diagnostics name a file of this folder. */
  readonly name: (file: string) => string
  /** The folder's spelling word list (`words.txt`), when it has a readable one. */
  readonly words?: WordList | undefined
}

/** A translation's folder, read. */
export interface LoadedLocale extends LoadedFolder {
  /** The folder's name: a well-formed, canonical BCP 47 tag. */
  readonly tag: string
  /** `translation.json`, when readable; a file carrying the problem when not. */
  readonly record: TranslationRecord | VFile | undefined
}

/** The content folder, read into memory: the source and every translation. */
export interface LoadedContent extends LoadedFolder {
  /** Each `locales/<tag>/` folder with a well-formed name, in code-point order of tag. */
  readonly locales: readonly LoadedLocale[]
}

const decoder = new TextDecoder('utf-8', {ignoreBOM: true})

/**
 * Tell whether a folder name is a well-formed BCP 47 language tag in its
 * canonical case (`es`, `en-US`, `zh-Hant-TW`).
 *
 * @param name The folder's name.
 * @returns The canonical tag when `name` is well formed (it may differ in case), else `undefined`.
 * @example
 *   canonicalTag('en-us') // 'en-US'
 *   canonicalTag('es_ES') // undefined
 */
export function canonicalTag(name: string): string | undefined {
  if (!/^[A-Za-z0-9-]+$/.test(name)) return undefined
  try {
    return Intl.getCanonicalLocales(name)[0]
  } catch {
    return undefined
  }
}

/**
 * Read `guide.md` and `steps/*.md` from a content folder, and each
 * translation under `locales/<tag>/` the same way, noting files that are
 * missing or do not belong (nothing is silently skipped). Every file is
 * checked before it is read: only regular files are opened (symbolic links,
 * FIFOs and devices are reported, never followed or opened), and none is
 * read past the size limit.
 *
 * @param directory The content folder.
 * @param cwd Paths in diagnostics are relative to this folder.
 * @param shownAs How diagnostics name the content folder, e.g. as the user
 *   typed it (default: relative to `cwd`); see {@link contentFileNamer}.
 * @returns The raw files and the layout problems, of the source and of each translation.
 * @throws When the content folder itself cannot be listed for a reason other than not existing.
 * @example
 *   const {sources, layout, locales} = await loadContent('content')
 */
export async function loadContent(directory: string, cwd: string = process.cwd(), shownAs?: string): Promise<LoadedContent> {
  // Hunspell starts while the files are read, so the spelling rule finds it ready.
  const spelling = loadSpellChecker()
  const name = contentFileNamer(directory, cwd, shownAs)
  const folder = await loadFolder(directory, name, 'source')
  const locales: LoadedLocale[] = []
  const unreadable = folder.layout.unreadable as UnreadableEntry[]
  const found = await entries(path.join(directory, LOCALES_FOLDER))
  if (typeof found === 'string') unreadable.push({file: new VFile({path: name(LOCALES_FOLDER)}), expected: 'a folder', found})
  for (const entry of Array.isArray(found) ? found : []) {
    const relative = path.join(LOCALES_FOLDER, entry.name)
    if (!entry.isDirectory()) {
      if (entry.isFile()) (folder.layout.unexpected as VFile[]).push(new VFile({path: name(relative)}))
      else unreadable.push({file: new VFile({path: name(relative)}), expected: 'a folder named for a locale', found: entryType(entry)})
      continue
    }
    const tag = canonicalTag(entry.name)
    if (tag !== entry.name) {
      unreadable.push({
        file: new VFile({path: name(relative)}),
        expected: 'a folder named for a BCP 47 language tag, such as `es` or `pt-BR`,',
        found: tag === undefined ? `\`${entry.name}\`` : `\`${entry.name}\`; did you mean \`${tag}\`?`,
      })
      continue
    }
    const localeDirectory = path.join(directory, relative)
    const localeName = (file: string): string => name(path.join(relative, file))
    const loaded = await loadFolder(localeDirectory, localeName, 'translation')
    const record = await readTranslationRecord(path.join(localeDirectory, TRANSLATION_RECORD_FILE), localeName(TRANSLATION_RECORD_FILE), tag)
    locales.push({...loaded, tag, record})
  }
  await spelling
  return {...folder, locales}
}

async function loadFolder(directory: string, relative: (file: string) => string, kind: keyof typeof ALLOWED): Promise<LoadedFolder> {
  const sources: SourceFile[] = []
  const missing: VFile[] = []
  const unexpected: VFile[] = []
  const unreadable: UnreadableEntry[] = []
  const layout = {missing, unexpected, unreadable}
  const refuse = (file: string, expected: string, found: string): void => {
    unreadable.push({file: new VFile({path: relative(file)}), expected, found})
  }
  // Whether a file was found where one belongs (read, or refused as unreadable).
  const read = async (file: string, kind: SourceFile['kind']): Promise<boolean> => {
    const outcome = await readRegularFile(path.join(directory, file), MAX_FILE_BYTES)
    switch (outcome.kind) {
      case 'missing':
        return false
      case 'refused':
        refuse(file, outcome.expected, outcome.found)
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

  const top = await entries(directory, false)
  if (!Array.isArray(top)) {
    missing.push(new VFile({path: relative('guide.md')}))
    return {sources, layout, directory, name: relative}
  }
  for (const entry of top) {
    if (!['guide.md', 'steps', ...ALLOWED[kind]].includes(entry.name)) unexpected.push(new VFile({path: relative(entry.name)}))
  }
  if (!(await read('guide.md', 'guide'))) missing.push(new VFile({path: relative('guide.md')}))
  const words = await readWordList(path.join(directory, WORDS_FILE), relative(WORDS_FILE))
  if (words !== undefined && 'found' in words) unreadable.push(words)

  let stepsFound = 0
  const steps = await entries(path.join(directory, 'steps'))
  if (typeof steps === 'string') {
    refuse('steps', 'a folder', steps)
    stepsFound++
  }
  for (const entry of Array.isArray(steps) ? steps : []) {
    const file = path.join('steps', entry.name)
    // Read as named, a control character (a line break, ESC) would be written wherever the name is: a PO export's `#:` references.
    const control = /[\0-\x1f\x7f-\x9f]/.exec(entry.name)?.[0]
    if (!entry.name.endsWith('.md')) unexpected.push(new VFile({path: relative(file)}))
    else if (control !== undefined) {
      refuse(file, 'a name without control characters (a line break, ESC)', `one holding U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
      stepsFound++
    } else if (await read(file, 'step')) stepsFound++
    else if (entry.name.includes('\uFFFD')) {
      // Listed, yet no file has that name: Node lists bytes that are not UTF-8 as U+FFFD.
      refuse(file, 'a name in UTF-8', 'bytes that are not UTF-8 (shown as \uFFFD)')
      stepsFound++
    }
  }
  // A translation may have no step translated yet: each is then missing (a warning).
  if (stepsFound === 0 && kind === 'source') missing.push(new VFile({path: relative(path.join('steps', '01-step-id.md'))}))
  return {sources, layout, directory, name: relative, ...(words === undefined || 'found' in words ? {} : {words})}
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

// A folder's entries, less what operating systems and editors leave there.
// For a subfolder (steps/, locales/), what stands there instead when it is
// not a real folder (a link to one is refused like any other link; the
// content folder itself may be reached through one). `undefined` when there
// is nothing there.
async function entries(folder: string, subfolder = true): Promise<Dirent[] | string | undefined> {
  try {
    const stats = subfolder ? await lstat(folder) : undefined
    if (stats !== undefined && !stats.isDirectory()) return entryType(stats)
    const found = (await readdir(folder, {withFileTypes: true})).filter((entry) => !DROPPED.test(entry.name))
    // Code-point order, not locale order: builds must not depend on the machine.
    return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
