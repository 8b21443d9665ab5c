// The files the package publishes: test/fixtures/package-files.json, whose
// per-locale lines name a placeholder instead of a tag (`<locale>`: every
// locale; `<translation>`: every locale but the source, whose entries
// re-export the main ones and have no chunk of their own), expanded for the
// locales the build generated. The fixture never names today's locales.
import {readFile} from 'node:fs/promises'
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
  return lines
    .flatMap((line) => {
      if (line.includes('<locale>')) return LOCALES.map((tag) => line.replace('<locale>', tag))
      if (line.includes('<translation>')) return LOCALES.filter((tag) => tag !== SOURCE_LOCALE).map((tag) => line.replace('<translation>', tag))
      return [line]
    })
    .sort()
}
