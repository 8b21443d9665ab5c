// npm run content:locale -- <tag> [content-dir] (tests call addLocale
// in-process): start a translation, content/locales/<tag>/, in which every
// unit is a fallback to the source until it is translated. See
// content/README.md#adding-a-locale.
import {realpathSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {CHECKLIST_HEADING} from '../pipeline/parse/document.js'
import {parseYaml} from '../pipeline/parse/front-matter.js'
import {LOCALES_FOLDER, canonicalTag} from '../pipeline/read/load.js'
import {escapeControl} from '../pipeline/terminal.js'
import {TRANSLATION_RECORD_FILE, formatTranslationRecord} from '../pipeline/read/translation-record.js'
import {WORDS_FILE} from '../pipeline/read/words.js'

/** Why a locale was not added: `code` is `ERR_INVALID_LOCALE_TAG`, `ERR_LOCALE_EXISTS` or `ERR_CONTENT_FOLDER`. */
export class AddLocaleError extends Error {
  override name = 'AddLocaleError'
  constructor(readonly code: 'ERR_INVALID_LOCALE_TAG' | 'ERR_LOCALE_EXISTS' | 'ERR_CONTENT_FOLDER', message: string) {
    super(message)
  }
}

const FRONT_MATTER = /^---\n([\s\S]*?\n)---\n/

/**
 * Add a locale to a content folder: `locales/<tag>/guide.md` (a copy of the
 * source's, its labels and ordinals to translate), an empty
 * `translation.json` and a `words.txt`. The folder appears whole or not at
 * all (written beside, then renamed into place).
 *
 * @param tag A BCP 47 tag, e.g. `'it'`; written in its canonical case.
 * @param contentDir The content folder.
 * @returns The folder written.
 * @throws {AddLocaleError} `ERR_INVALID_LOCALE_TAG` for a malformed tag, `und`
 *   or one with an extension or private use, `ERR_LOCALE_EXISTS` when the
 *   content already has that locale, `ERR_CONTENT_FOLDER` when the folder has
 *   no guide.md or the locale's folder cannot be written.
 * @example
 *   await addLocale('it', 'content') // 'content/locales/it'
 */
export async function addLocale(tag: string, contentDir: string): Promise<string> {
  const canonical = canonicalTag(tag)
  const why = canonical === undefined ? '' : canonical === 'und' ? ', the tag of no language' : new Intl.Locale(canonical).baseName !== canonical ? ', which has an extension or private use (-u-, -t-, -x-): name the language, script and region only' : undefined
  if (canonical === undefined || why !== undefined) {
    const dashed = /_/.test(tag) ? canonicalTag(tag.replaceAll('_', '-')) ?? tag.replaceAll('_', '-') : undefined
    throw new AddLocaleError('ERR_INVALID_LOCALE_TAG', `expected a BCP 47 language tag such as it or pt-BR, received ${JSON.stringify(tag)}${why}${dashed === undefined ? '' : `; use '-', not '_': ${dashed}`}`)
  }
  const folders = path.join(contentDir, LOCALES_FOLDER)
  const folder = path.join(folders, canonical)
  const unusable = (expected: string, error: unknown): AddLocaleError =>
    new AddLocaleError('ERR_CONTENT_FOLDER', `expected ${expected}, found ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'none' : String((error as Error).message)}`)
  const source = await readFile(path.join(contentDir, 'guide.md'), 'utf8').catch((error: unknown) => {
    throw unusable(`a content folder with a guide.md at ${JSON.stringify(contentDir)}`, error)
  })
  // A malformed front matter is the lint's to report: read what YAML can,
  // silently, key by key (no object is built from it).
  const fields = parseYaml(FRONT_MATTER.exec(source)?.[1] ?? '', {})
  const field = (key: string): string | undefined => (typeof fields.get(key) === 'string' ? (fields.get(key) as string) : undefined)
  const sourceTag = field('locale') ?? 'en-GB'
  const entries = await readdir(folders, {withFileTypes: true}).catch(() => [])
  if (entries.some((entry) => entry.name === canonical && !entry.isDirectory())) {
    throw new AddLocaleError('ERR_CONTENT_FOLDER', `expected nothing at ${JSON.stringify(folder)} (the new locale's folder), found a file`)
  }
  const tags = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
  const exists = (): AddLocaleError => new AddLocaleError('ERR_LOCALE_EXISTS', `expected a locale the content does not have yet (${[sourceTag, ...tags].join(', ')}), received ${JSON.stringify(canonical)}`)
  if (canonical === sourceTag || tags.includes(canonical)) throw exists()
  const checklist = field('checklist') !== undefined ? '' : `checklist: ${CHECKLIST_HEADING}\n`
  const guide = source.replace(FRONT_MATTER, (frontMatter) =>
    frontMatter
      .replace(/^locale:.*\n/m, '')
      .replace(/^---\n/, `---\nlocale: ${canonical}\n${checklist}`)
      .replace(/^ordinals:/m, `# Ordinals: copied from ${sourceTag}; write this language's own (or copy those of a locale of the same language); see content/README.md#ordinals.\nordinals:`),
  )
  let staging: string | undefined
  try {
    await mkdir(folders, {recursive: true})
    // Unique per call: two adds at once each write their own.
    staging = await mkdtemp(path.join(folders, `${canonical}.staging-`))
    await writeFile(path.join(staging, 'guide.md'), guide)
    await writeFile(path.join(staging, TRANSLATION_RECORD_FILE), formatTranslationRecord({locale: canonical, steps: {}, items: {}}))
    await writeFile(path.join(staging, WORDS_FILE), `# Words the ${canonical} spelling check does not know, one a line, as written; see content/README.md#spelling.\n`)
    // Onto a folder that appeared meanwhile, the rename fails (unless it is empty).
    await rename(staging, folder)
  } catch (error) {
    if (['EEXIST', 'ENOTEMPTY'].includes(String((error as NodeJS.ErrnoException).code))) throw exists()
    throw unusable(`to write the locale's folder ${JSON.stringify(folder)}`, error)
  } finally {
    if (staging !== undefined) await rm(staging, {recursive: true, force: true})
  }
  return folder
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const [tag, contentDir = 'content', ...rest] = process.argv.slice(2)
  if (tag === undefined || tag.startsWith('-') || rest.length > 0) {
    process.stderr.write('usage: npm run content:locale -- <tag> [content-dir]\n')
    process.exitCode = 2
  } else {
    try {
      const folder = await addLocale(tag, contentDir)
      process.stdout.write(`content:locale: wrote ${escapeControl(path.relative(process.cwd(), folder))}/: translate its guide.md, copy and translate the steps, then \`npm run content:translated -- ${path.basename(folder)} --all\`\n`)
    } catch (error) {
      if (!(error instanceof AddLocaleError)) throw error
      process.stderr.write(`content:locale: ${escapeControl(error.message)} (${error.code})\n`)
      process.exitCode = 2
    }
  }
}
