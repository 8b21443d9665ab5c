// npm run content:locale -- <tag> [content-dir] (tests call addLocale
// in-process): start a translation, content/locales/<tag>/, in which every
// unit is a fallback to the source until it is translated. See
// content/README.md#adding-a-locale.
import {realpathSync} from 'node:fs'
import {mkdir, readFile, readdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {LOCALES_FOLDER, canonicalTag} from '../pipeline/read/load.js'
import {escapeControl} from '../pipeline/terminal.js'
import {TRANSLATION_RECORD_FILE, formatTranslationRecord} from '../pipeline/read/translation-record.js'
import {WORDS_FILE} from '../pipeline/read/words.js'

/** Why a locale was not added: `code` is `ERR_INVALID_LOCALE_TAG` or `ERR_LOCALE_EXISTS`. */
export class AddLocaleError extends Error {
  override name = 'AddLocaleError'
  constructor(readonly code: 'ERR_INVALID_LOCALE_TAG' | 'ERR_LOCALE_EXISTS', message: string) {
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
 * @throws {AddLocaleError} `ERR_INVALID_LOCALE_TAG` for a malformed tag,
 *   `ERR_LOCALE_EXISTS` when the content already has that locale.
 * @example
 *   await addLocale('it', 'content') // 'content/locales/it'
 */
export async function addLocale(tag: string, contentDir: string): Promise<string> {
  const canonical = canonicalTag(tag)
  if (canonical === undefined) {
    throw new AddLocaleError('ERR_INVALID_LOCALE_TAG', `expected a BCP 47 language tag such as it or pt-BR, received ${JSON.stringify(tag)}${/_/.test(tag) ? `; use '-', not '_': ${tag.replaceAll('_', '-')}` : ''}`)
  }
  const folders = path.join(contentDir, LOCALES_FOLDER)
  const source = await readFile(path.join(contentDir, 'guide.md'), 'utf8')
  const sourceTag = /^locale:\s*(\S+)/m.exec(FRONT_MATTER.exec(source)?.[1] ?? '')?.[1] ?? 'en-GB'
  const tags = (await readdir(folders, {withFileTypes: true}).catch(() => [])).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
  if (canonical === sourceTag || tags.includes(canonical)) {
    throw new AddLocaleError('ERR_LOCALE_EXISTS', `expected a locale the content does not have yet (${[sourceTag, ...tags].join(', ')}), received ${JSON.stringify(canonical)}`)
  }
  const guide = source.replace(FRONT_MATTER, (front) =>
    front
      .replace(/^locale:.*\n/m, '')
      .replace(/^---\n/, `---\nlocale: ${canonical}\n`)
      .replace(/^ordinals:/m, `# How ${canonical} spells rounds: ${sourceTag}'s, to translate (or copy those of a locale of its language); see content/README.md#ordinals.\nordinals:`),
  )
  const staging = path.join(folders, `${canonical}.staging-${process.pid}`)
  const folder = path.join(folders, canonical)
  try {
    await mkdir(staging, {recursive: true})
    await writeFile(path.join(staging, 'guide.md'), guide)
    await writeFile(path.join(staging, TRANSLATION_RECORD_FILE), formatTranslationRecord({locale: canonical, steps: {}, items: {}}))
    await writeFile(path.join(staging, WORDS_FILE), `# Words the ${canonical} spelling check does not know, one a line, as written; see content/README.md#spelling.\n`)
    // Onto a folder that appeared meanwhile, the rename fails (unless it is empty).
    await rename(staging, folder)
  } finally {
    await rm(staging, {recursive: true, force: true})
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
