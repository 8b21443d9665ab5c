// npm run content:locale: a new locale added to a copy of the shipped
// content builds at once, every unit a fallback to the source; a malformed
// or existing tag is refused with its code, and nothing is written.
import {cp, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildGuide, buildRules, diagnostics} from '../pipeline/index.js'
import {addLocale} from '../scripts/content-locale.js'
import type {Guide} from '../src/index.js'
import {ROOT} from './helpers.js'

let directory: string
beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'ace-content-locale-'))
  await cp(path.join(ROOT, 'content'), directory, {recursive: true})
})
afterAll(async () => {
  await rm(directory, {recursive: true, force: true})
})

const units = (guide: Guide) => [guide.introduction, ...guide.steps, ...guide.steps.flatMap((step) => step.checklist)]

describe('content:locale', () => {
  it('adds a locale (in its canonical case) that builds at once, every unit in the source\'s words', async () => {
    const folder = await addLocale('pt-br', directory)
    expect(folder).toBe(path.join(directory, 'locales', 'pt-BR'))
    expect((await readdir(folder)).sort()).toEqual(['guide.md', 'translation.json', 'words.txt'])
    const result = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory, rules: buildRules})
    expect(diagnostics(result.files).filter((diagnostic) => diagnostic.severity === 'error')).toEqual([])
    const source = result.guide!
    const added = result.locales.find((locale) => locale.tag === 'pt-BR')!.guide
    expect(new Set(units(added).map((unit) => `${unit.locale} ${unit.translation}`))).toEqual(new Set([`${source.locale} fallback`]))
    expect(added.steps.map((step) => step.title)).toEqual(source.steps.map((step) => step.title))
    // Its ordinals are the source's, to translate; the checklist heading is there to translate too.
    expect(result.ordinals['pt-BR']).toEqual({...result.ordinals[source.locale], locale: 'pt-BR'})
    const guide = await readFile(path.join(folder, 'guide.md'), 'utf8')
    expect(guide).toMatch(/^checklist: \S/m)
    expect(guide).toMatch(new RegExp(`^# Ordinals: copied from ${source.locale}; write this language's own`, 'm'))
  })

  it.each([
    {tag: 'pt_PT', code: 'ERR_INVALID_LOCALE_TAG', says: /received "pt_PT"; use '-', not '_': pt-PT/},
    {tag: 'pt_br', code: 'ERR_INVALID_LOCALE_TAG', says: /received "pt_br"; use '-', not '_': pt-BR/},
    {tag: 'und', code: 'ERR_INVALID_LOCALE_TAG', says: /received "und", the tag of no language/},
    {tag: 'en-GB-u-ca-gregory', code: 'ERR_INVALID_LOCALE_TAG', says: /received "en-GB-u-ca-gregory", which has an extension or private use/},
    {tag: 'en-x-pirate', code: 'ERR_INVALID_LOCALE_TAG', says: /received "en-x-pirate", which has an extension or private use/},
    {tag: '', code: 'ERR_INVALID_LOCALE_TAG', says: /received ""/},
    {tag: 'PT-br', code: 'ERR_LOCALE_EXISTS', says: /received "pt-BR"/},
    {tag: 'en-GB', code: 'ERR_LOCALE_EXISTS', says: /\(en-GB, .*\), received "en-GB"/},
  ])('refuses $tag ($code) and writes nothing', async ({tag, code, says}) => {
    const before = await readdir(path.join(directory, 'locales'))
    await expect(addLocale(tag, directory)).rejects.toMatchObject({code, message: expect.stringMatching(says)})
    expect(await readdir(path.join(directory, 'locales'))).toEqual(before)
  })

  it('reads the source\'s locale from its front matter, quoted or not', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'ace-content-locale-'))
    try {
      await cp(path.join(ROOT, 'content'), copy, {recursive: true})
      const guide = path.join(copy, 'guide.md')
      await writeFile(guide, (await readFile(guide, 'utf8')).replace(/^locale: (.*)$/m, 'locale: "$1"'))
      await expect(addLocale('en-GB', copy)).rejects.toMatchObject({code: 'ERR_LOCALE_EXISTS'})
    } finally {
      await rm(copy, {recursive: true, force: true})
    }
  })

  it('refuses a content folder it cannot use with a coded error, not a stack trace', async () => {
    await expect(addLocale('sv', path.join(directory, 'nonexistent'))).rejects.toMatchObject({code: 'ERR_CONTENT_FOLDER', message: expect.stringMatching(/guide\.md.*found none/)})
    await writeFile(path.join(directory, 'locales', 'th'), '')
    await expect(addLocale('th', directory)).rejects.toMatchObject({code: 'ERR_CONTENT_FOLDER', message: expect.stringMatching(/locales.th.*found a file/)})
    await rm(path.join(directory, 'locales', 'th'))
  })

  it('adds a locale once when two adds race; the other is refused as existing', async () => {
    const results = await Promise.allSettled([addLocale('ko', directory), addLocale('ko', directory)])
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({reason: {code: 'ERR_LOCALE_EXISTS'}})
    expect((await readdir(path.join(directory, 'locales'))).filter((name) => name.startsWith('ko'))).toEqual(['ko'])
  })
})
