// The built locale entries (dist/locales/<tag>/), for every locale the build
// generated: the same API as the main entry, in ESM and CJS, one set of error
// classes, loadLocale and loadLocaleContent, guide.json, grammatical
// ordinals, and bundles that hold one locale's text only. Expectations come from each locale's own data and
// from tables in this file, never from today's wording.
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {build} from 'esbuild'
import {describe, expect, it} from 'vitest'
import * as source from '../src/index.js'
import type {ChecklistItem, Guide, LocaleModule} from '../src/index.js'
import {ROOT, require, thrown} from './helpers.js'
import {PLACEHOLDER, expectedText} from './ordinal-tables.js'

type Api = LocaleModule
type Render = typeof import('../src/render/index.js')
type Main = typeof source

const LOCALES = source.locales
const SOURCE = LOCALES[0]!
const file = (...parts: string[]): string => path.join(ROOT, 'dist', ...parts)
const esmOf = async (tag: string): Promise<Api> => (await import(pathToFileURL(file('locales', tag, 'index.js')).href)) as Api
const cjsOf = (tag: string): Api => require(file('locales', tag, 'index.cjs')) as Api
const mainEsm = async (): Promise<Main> => (await import(pathToFileURL(file('index.js')).href)) as Main
const mainCjs = (): Main => require(file('index.cjs')) as Main
const renderEsm = async (...parts: string[]): Promise<Render> => (await import(pathToFileURL(file(...parts, 'render.js')).href)) as Render
const renderCjs = (...parts: string[]): Render => require(file(...parts, 'render.cjs')) as Render
const languageOf = (tag: string): string => tag.split('-')[0]!.toLowerCase()
// An item's text is in its own locale: a fallback item's is the source's.
const localeOf = (item: ChecklistItem, guide: Guide): string => (item as {locale?: string}).locale ?? guide.locale

describe.each(LOCALES)('dist/locales/%s', (tag) => {
  it('has its files, ESM, CJS, declarations and guide.json', () => {
    for (const name of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'render.js', 'render.cjs', 'render.d.ts', 'render.d.cts', 'guide.json']) {
      expect(existsSync(file('locales', tag, name)), name).toBe(true)
    }
  })

  it('exports the locale API (the main entry without the locale calls and the validator), the same through import and require', async () => {
    const api = await import('../src/generated/source.js')
    const esm = await esmOf(tag)
    expect(Object.keys(esm).sort()).toEqual(Object.keys(api).sort())
    expect(Object.keys(cjsOf(tag)).sort()).toEqual(Object.keys(api).sort())
    expect(cjsOf(tag).guide).toEqual(esm.guide)
    for (const round of [2, 3, 10, 21]) expect(cjsOf(tag).checklistForRound(round)).toEqual(esm.checklistForRound(round))
  })

  it("is that locale's guide, with the source's ids, numbers, rounds and versions", async () => {
    const {guide} = await esmOf(tag)
    expect(guide.locale).toBe(tag)
    expect(Object.isFrozen(guide.steps[0]!.checklist[0])).toBe(true)
    const shape = (g: Guide) => ({
      version: g.version,
      rounds: g.rounds,
      steps: g.steps.map((step) => ({id: step.id, number: step.number, since: step.since, items: step.checklist.map((item) => [item.id, item.rounds, item.since])})),
    })
    expect(shape(guide)).toEqual(shape(source.guide))
  })

  it('ships guide.json equal to its guide', async () => {
    expect(JSON.parse(await readFile(file('locales', tag, 'guide.json'), 'utf8'))).toEqual((await esmOf(tag)).guide)
  })

  it('throws errors that are instances of the main entry classes, in ESM and in CJS', async () => {
    const [esm, cjs, main, mainC] = [await esmOf(tag), cjsOf(tag), await mainEsm(), mainCjs()]
    const pastLast = (esm.listSteps().length + 1) as 1
    for (const [api, classes] of [[esm, main], [cjs, mainC]] as const) {
      const range = thrown(() => api.getStep(pastLast))
      const type = thrown(() => api.checklistForRound('3' as unknown as number))
      expect(range).toBeInstanceOf(classes.GuideRangeError)
      expect(type).toBeInstanceOf(classes.GuideTypeError)
      expect(range).toBeInstanceOf(api.GuideRangeError)
      expect(classes.isGuideError(range)).toBe(true)
    }
  })

  it('is what loadLocale loads, and its render entry what loadLocaleContent loads, from the ESM and the CJS main entries', async () => {
    const [esm, cjs] = [await (await mainEsm()).loadLocale(tag), await mainCjs().loadLocale(tag)]
    const [esmContent, cjsContent] = [await (await renderEsm()).loadLocaleContent(tag), await renderCjs().loadLocaleContent(tag)]
    if (tag === SOURCE) {
      // The source locale is the main entries' own: the same objects.
      const pairs = [[esm, await esmOf(tag)], [cjs, cjsOf(tag)], [esmContent, await renderEsm('locales', tag)], [cjsContent, renderCjs('locales', tag)]] as const
      for (const [loaded, entry] of pairs) {
        expect(Object.keys(loaded).sort()).toEqual(Object.keys(entry).sort())
        for (const key of Object.keys(entry)) expect(loaded[key as keyof typeof loaded], key).toBe(entry[key as keyof typeof entry])
      }
    } else {
      expect(esm).toBe(await esmOf(tag))
      expect(cjs).toBe(cjsOf(tag))
      expect(esmContent).toBe(await renderEsm('locales', tag))
      expect(cjsContent).toBe(renderCjs('locales', tag))
    }
  })

  it("renders the same checklist through its render entry", async () => {
    const {checklistForRound} = await esmOf(tag)
    for (const render of [await renderEsm('locales', tag), renderCjs('locales', tag)]) {
      for (const round of [2, 3, 21]) {
        expect(render.checklistContentForRound(round).map((item) => item.text)).toEqual(checklistForRound(round).map((item) => item.text))
      }
    }
  })
})

describe('the source locale', () => {
  it('is the main entry itself: the same objects, no second copy of the data', async () => {
    const [esm, main] = [await esmOf(SOURCE), await mainEsm()]
    expect(esm.guide).toBe(main.guide)
    expect(esm.getStep).toBe(main.getStep)
    expect(cjsOf(SOURCE).guide).toBe(mainCjs().guide)
  })
})

describe('ordinals at run time, in every locale', () => {
  it.each(LOCALES)('%s: items with placeholders and the round heading read the right words in rounds 2, 3, 10 and 21', async (tag) => {
    const {guide, checklistForRound, roundHeading} = await esmOf(tag)
    let checked = 0
    for (const round of [2, 3, 10, 21]) {
      for (const item of checklistForRound(round)) {
        if (item.template.match(PLACEHOLDER) === null) continue
        expect(item.text, `${item.id}, round ${round}`).toBe(expectedText(item.template, round, localeOf(item, guide)))
        checked++
      }
    }
    // The content has at least one item with a placeholder in every locale.
    expect(checked).toBeGreaterThan(0)
    for (const round of [2, 21]) expect(roundHeading(round)).toBe(expectedText(guide.labels.roundHeading, round, guide.introduction.locale))
  })

  const ENGLISH_ORDINAL =
    /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)\b|\b\d+(?:st|nd|rd|th)\b/i

  it('the pattern for English ordinals finds them (so the test below can fail)', () => {
    for (const text of ['your second interview', 'the 21st round', 'Twentieth', '112th']) expect(text).toMatch(ENGLISH_ORDINAL)
    for (const text of ['seconde', 'segunda', '21.ª', '21e', '21.', 'zweiten']) expect(text).not.toMatch(ENGLISH_ORDINAL)
  })

  it.each(LOCALES.filter((tag) => languageOf(tag) !== 'en'))('%s: no English ordinal in any translated item, rounds 2 to 100', async (tag) => {
    const {guide, checklistForRound} = await esmOf(tag)
    for (let round = 2; round <= 100; round++) {
      for (const item of checklistForRound(round)) {
        if (localeOf(item, guide) !== tag) continue
        expect(item.text, `${item.id}, round ${round}`).not.toMatch(ENGLISH_ORDINAL)
      }
    }
  })
})

// Every string of a guide: what a bundle of it would carry as text.
function textsOf(guide: Guide): string[] {
  return [
    guide.title,
    ...guide.introduction.body,
    ...guide.steps.flatMap((step) => [step.title, step.summary, ...step.body, ...step.checklist.map((item) => item.template)]),
  ]
}

describe('a browser bundle of one locale holds no other locale’s text', () => {
  it.each(LOCALES.flatMap((tag) => [
    [tag, 'index', 'getStep, checklistForRound'],
    [tag, 'render', 'getStepContent, checklistContentForRound'],
  ]))('%s: its %s entry (%s)', async (tag, entry, calls) => {
    const [first, second] = calls.split(', ')
    const result = await build({
      stdin: {contents: `import {${calls}} from './dist/locales/${tag}/${entry}.js'\nconsole.log(${first}(1), ${second}(2))`, resolveDir: ROOT, loader: 'js'},
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      // Text as written (esbuild escapes non-ASCII by default), so it can be grepped.
      charset: 'utf8',
      write: false,
      logLevel: 'silent',
    })
    const bundle = result.outputFiles[0]?.text ?? ''
    const own = textsOf((await esmOf(tag)).guide)
    // The grep works: the bundle does carry its own locale's text.
    expect(own.some((text) => bundle.includes(text))).toBe(true)
    let checked = 0
    for (const other of LOCALES.filter((candidate) => candidate !== tag)) {
      // A locale just added (every unit the source's words) has no text of its own to leak.
      const distinctive = textsOf((await esmOf(other)).guide).filter((text) => !own.some((mine) => mine.includes(text)))
      for (const text of distinctive) expect(bundle.includes(text), `${other}: ${text.slice(0, 60)}`).toBe(false)
      checked += distinctive.length
    }
    // Some other locale has text of its own: the grep above was tried.
    expect(checked).toBeGreaterThan(0)
  })
})

// Issue 24: loadLocale and loadLocaleContent import each locale with a
// literal import(), so an app's bundler (esbuild here; Vite in
// test/e2e/browser.test.ts) gives each locale chunks of its own, loaded
// only when asked.
describe('a bundler splits what loadLocale and loadLocaleContent load: each locale in chunks of its own', () => {
  it.each([
    ['index', 'loadLocale'],
    ['render', 'loadLocaleContent'],
  ])('dist/%s.js: %s', async (entry, call) => {
    const result = await build({
      stdin: {contents: `export {${call}} from './dist/${entry}.js'`, resolveDir: ROOT, sourcefile: 'entry.js', loader: 'js'},
      absWorkingDir: ROOT,
      bundle: true,
      splitting: true,
      outdir: path.join(ROOT, 'split-out'),
      platform: 'browser',
      format: 'esm',
      charset: 'utf8',
      metafile: true,
      write: false,
      logLevel: 'silent',
    })
    const outputs = result.metafile.outputs
    const text = (name: string): string => result.outputFiles.find((file) => file.path === path.join(ROOT, name))?.text ?? ''
    const start = Object.keys(outputs).find((name) => outputs[name]?.entryPoint === 'entry.js')!
    const loaded = new Set<string>()
    const visit = (name: string): void => {
      if (loaded.has(name)) return
      loaded.add(name)
      for (const imported of outputs[name]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path)
    }
    visit(start)
    const texts = new Map(await Promise.all(LOCALES.map(async (tag) => [tag, textsOf((await esmOf(tag)).guide)] as const)))
    for (const tag of LOCALES) {
      const distinctive = texts.get(tag)!.filter((mine) => LOCALES.every((other) => other === tag || !texts.get(other)!.some((theirs) => theirs.includes(mine))))
      // A locale whose every text another locale also has (a new one that
      // copies a sibling's few translated words) has nothing to tell its chunk by.
      if (distinctive.length === 0) continue
      const holding = Object.keys(outputs).filter((name) => distinctive.some((mine) => text(name).includes(mine)))
      // In chunks of the app's bundle, none shared with another locale, and
      // for a translation none loaded with the entry (the source's text is
      // the main entries' own).
      expect(holding.length, tag).toBeGreaterThan(0)
      for (const name of holding) {
        if (tag !== SOURCE) expect(loaded.has(name), `${tag} in ${name}`).toBe(false)
        for (const other of LOCALES.filter((candidate) => candidate !== tag)) expect(texts.get(other)!.some((theirs) => text(name).includes(theirs) && !texts.get(tag)!.some((mine) => mine.includes(theirs))), `${other} in ${name}`).toBe(false)
      }
    }
  })
})
