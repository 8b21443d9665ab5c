// The files the package publishes: test/fixtures/package-files.json, whose
// per-locale lines name a placeholder instead of a tag (`<locale>`: every
// locale; `<translation>`: every locale but the source), expanded for the
// locales the build generated, and whose `<chunk>` lines stand for the
// chunks the entries share (`chunk-<hash>`, named by the bundler), expanded
// for those in dist/. The fixture never names today's locales or chunks.
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {LOCALES, SOURCE_LOCALE} from '../src/generated/locales.js'
import {ROOT} from './helpers.js'

/**
 * Every published file, sorted, per-locale lines expanded.
 *
 * @returns Paths relative to the package root (`dist/index.js`, `dist/locales/de/index.js`, …).
 */
export async function publishedFiles(): Promise<string[]> {
  const lines = JSON.parse(await readFile(path.join(ROOT, 'test/fixtures/package-files.json'), 'utf8')) as string[]
  const chunks = (await readdir(path.join(ROOT, 'dist')).catch(() => [] as string[])).filter((name) => /^chunk-[A-Z\d]+\.c?js$/.test(name))
  return lines
    .flatMap((line) => {
      if (line.includes('<chunk>')) return chunks.filter((name) => line.endsWith(path.extname(name))).map((name) => line.replace('<chunk>' + path.extname(name), name))
      if (line.includes('<locale>')) return LOCALES.map((tag) => line.replace('<locale>', tag))
      if (line.includes('<translation>')) return LOCALES.filter((tag) => tag !== SOURCE_LOCALE).map((tag) => line.replace('<translation>', tag))
      return [line]
    })
    .sort()
}
