import {existsSync} from 'node:fs'
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {inspect} from 'node:util'
import {describe, expect, it} from 'vitest'
import * as source from '../src/index.js'
import type {StepNumber} from '../src/index.js'
import {ROOT, require, thrown} from './helpers.js'

// What a built file imports or requires at run time: `loaded` at once
// (specifiers, sorted), `onDemand` through import() (or a require in a
// promise, in CJS).
async function importedBy(file: string): Promise<{loaded: string[]; onDemand: string[]}> {
  const code = await readFile(path.join(ROOT, file), 'utf8')
  const onDemand = [
    ...[...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]!),
    ...[...code.matchAll(/\.then\(\(\) => _interopRequireWildcard\(require\(['"]([^'"]+)['"]\)\)\)/g)].map((match) => match[1]!),
  ]
  const loaded = [
    ...[...code.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]/gm)].map((match) => match[1]!),
    ...[...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)].map((match) => match[1]!),
    ...[...code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]!).filter((specifier) => !onDemand.includes(specifier)),
  ]
  return {loaded: [...new Set(loaded)].sort(), onDemand: [...new Set(onDemand)].sort()}
}

// Every file a built entry loads at once, itself included (following the chunks it imports).
async function closureOf(entry: string): Promise<string[]> {
  const files = new Set<string>()
  const visit = async (file: string): Promise<void> => {
    if (files.has(file)) return
    files.add(file)
    for (const specifier of (await importedBy(file)).loaded) await visit(path.join(path.dirname(file), specifier))
  }
  await visit(entry)
  return [...files]
}

// Every entry file tsup writes: the main two and each locale's two, in both formats.
const ENTRIES = ['index', 'render', ...source.locales.flatMap((tag) => [`locales/${tag}/index`, `locales/${tag}/render`])].flatMap((entry) => [`dist/${entry}.js`, `dist/${entry}.cjs`])

const esmPath = path.join(ROOT, 'dist/index.js')
// The shipped guide's step numbers, and one past the last (never a step).
const numbers = source.listSteps().map((step) => step.number)
const pastLast = (numbers.length + 1) as StepNumber
const cjsPath = path.join(ROOT, 'dist/index.cjs')

describe('built package (dist/)', () => {
  it('exists (npm test builds first)', () => {
    for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts']) {
      expect(existsSync(path.join(ROOT, 'dist', file)), file).toBe(true)
    }
  })

  it('gives deep-equal results through import and require, equal to the source', async () => {
    const esm = (await import(pathToFileURL(esmPath).href)) as typeof source
    const cjs = require(cjsPath) as typeof source
    expect(Object.keys(esm).sort()).toEqual(Object.keys(source).sort())
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(source).sort())
    expect(esm.guide).toEqual(cjs.guide)
    expect(esm.guide).toEqual(source.guide)
    for (const round of [2, 3, 10, 21]) expect(esm.checklistForRound(round)).toEqual(cjs.checklistForRound(round))
    for (const n of numbers) expect(esm.getStep(n)).toEqual(cjs.getStep(n))
  })

  it('recognises errors from either build with either guard, by code', async () => {
    const esm = (await import(pathToFileURL(esmPath).href)) as typeof source
    const cjs = require(cjsPath) as typeof source
    const fromEsm = thrown(() => esm.getStep(pastLast))
    const fromCjs = thrown(() => cjs.getStep(pastLast))
    for (const guard of [esm.isGuideError, cjs.isGuideError, source.isGuideError]) {
      expect(guard(fromEsm)).toBe(true)
      expect(guard(fromCjs)).toBe(true)
      expect(guard(new RangeError('not ours'))).toBe(false)
    }
    expect((fromEsm as {code: string}).code).toBe('ERR_STEP_OUT_OF_RANGE')
    expect((fromCjs as {code: string}).code).toBe('ERR_STEP_OUT_OF_RANGE')
    // Two copies of each class, which recognise each other's errors (Symbol.hasInstance on the brand).
    expect(esm.GuideRangeError).not.toBe(cjs.GuideRangeError)
    expect(fromCjs).toBeInstanceOf(esm.GuideRangeError)
    expect(fromEsm).toBeInstanceOf(cjs.GuideRangeError)
    expect(fromCjs).not.toBeInstanceOf(esm.GuideTypeError)
    expect(fromCjs).toBeInstanceOf(RangeError)
    // The brand alone on the wrong base is not enough, and a look-alike without it is not one.
    const typeFromCjs = thrown(() => cjs.getStep('1' as unknown as StepNumber))
    expect(typeFromCjs).toBeInstanceOf(esm.GuideTypeError)
    expect(typeFromCjs).not.toBeInstanceOf(esm.GuideRangeError)
    expect(Object.assign(new RangeError('look-alike'), {code: 'ERR_STEP_OUT_OF_RANGE'})).not.toBeInstanceOf(esm.GuideRangeError)
  })

  it('keeps the error classes\' names through minifying: console.log(error) and the classes print them', async () => {
    const esm = (await import(pathToFileURL(esmPath).href)) as typeof source
    const cjs = require(cjsPath) as typeof source
    for (const build of [esm, cjs]) {
      for (const name of ['GuideTypeError', 'GuideRangeError', 'GuideValidationError'] as const) expect(build[name].name).toBe(name)
      expect(inspect(thrown(() => build.getStep(pastLast)))).toMatch(/^GuideRangeError: getStep\(n\)/)
      expect(inspect(thrown(() => build.parseGuide(null)))).toMatch(/^GuideValidationError: parseGuide\(value\)/)
    }
  })

  it('shares its code: every entry loads only shared chunks, and the main entries each locale on demand', async () => {
    for (const file of ENTRIES) {
      const {loaded, onDemand} = await importedBy(file)
      expect(loaded.length, file).toBeGreaterThan(0)
      for (const specifier of loaded) expect(specifier, file).toMatch(/^(?:\.\.\/\.\.\/|\.\/)chunk-[\w-]+\.c?js$/)
      const extension = path.extname(file)
      const main = /^dist\/(index|render)\.c?js$/.exec(file)?.[1]
      // No entry imports a locale but the main two, each locale's on demand.
      expect(onDemand, file).toEqual(main === undefined ? [] : source.locales.map((tag) => `./locales/${tag}/${main}${extension}`).sort())
    }
  })

  it('has the error classes and the runtime once per format, in a chunk every entry loads', async () => {
    const files = (await readdir(path.join(ROOT, 'dist'), {recursive: true})).filter((name) => /\.c?js$/.test(name) && !/^(?:check|cli)\./.test(name))
    const defining = []
    for (const name of files) if ((await readFile(path.join(ROOT, 'dist', name), 'utf8')).includes('extends RangeError')) defining.push(name)
    expect(defining.map((name) => path.extname(name)).sort()).toEqual(['.cjs', '.js'])
    for (const file of ENTRIES) expect(await closureOf(file), file).toContain(path.join('dist', defining.find((name) => path.extname(name) === path.extname(file))!))
  })

  it('keeps each entry file small: the data and code are in the chunks (a locale\'s index only names them)', async () => {
    const {size} = await import('node:fs/promises').then(({stat}) => stat(path.join(ROOT, 'dist/locales', source.locales[1]!, 'index.js')))
    expect(size).toBeLessThan(2048)
  })
})

describe('built render subpath (dist/render.*)', () => {
  const renderEsm = path.join(ROOT, 'dist/render.js')
  const renderCjs = path.join(ROOT, 'dist/render.cjs')

  it('exists next to the main entry', () => {
    for (const file of ['render.js', 'render.cjs', 'render.d.ts', 'render.d.cts']) {
      expect(existsSync(path.join(ROOT, 'dist', file)), file).toBe(true)
    }
  })

  it('gives deep-equal results through import and require, equal to the source', async () => {
    const sourceRender = await import('../src/render/index.js')
    const esm = (await import(pathToFileURL(renderEsm).href)) as typeof sourceRender
    const cjs = require(renderCjs) as typeof sourceRender
    expect(Object.keys(esm).sort()).toEqual(Object.keys(sourceRender).sort())
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(sourceRender).sort())
    for (const n of numbers) expect(esm.getStepContent(n)).toEqual(cjs.getStepContent(n))
    expect(esm.getIntroContent()).toEqual(sourceRender.getIntroContent())
    for (const round of [2, 3, 21]) expect(esm.checklistContentForRound(round)).toEqual(cjs.checklistContentForRound(round))
    const error = thrown(() => cjs.getStepContent(pastLast))
    expect(source.isGuideError(error)).toBe(true)
    expect((error as {code: string}).code).toBe('ERR_STEP_OUT_OF_RANGE')
  })

  it('keeps the trees out of the main entry: no file dist/index.* loads holds render data', async () => {
    const sourceRender = await import('../src/render/index.js')
    const html = sourceRender.getStepContent(numbers.at(-1)!).html
    for (const file of [...(await closureOf('dist/index.js')), ...(await closureOf('dist/index.cjs'))]) {
      const text = await readFile(path.join(ROOT, file), 'utf8')
      expect(text).not.toContain('tagName')
      expect(text).not.toContain('<em>')
      expect(text).not.toContain('RENDER_DATA')
      expect(text).not.toContain(html.slice(0, 40))
    }
    // The render entry does load them (so the checks above can fail).
    const render = (await Promise.all((await closureOf('dist/render.js')).map((file) => readFile(path.join(ROOT, file), 'utf8')))).join('\n')
    expect(render).toContain('tagName')
    expect(render).toContain('<em>')
  })

  it('lets a bundler drop what an app does not use: getStep alone carries no schema or validator', async () => {
    const {build} = await import('esbuild')
    const result = await build({
      stdin: {contents: "import {getStep, checklistForRound} from './dist/index.js'; console.log(getStep(1), checklistForRound(2))", resolveDir: ROOT},
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
    })
    const code = result.outputFiles[0]?.text ?? ''
    expect(code).toContain('getStep(n)')
    for (const unused of ['minLength', 'additionalProperties', 'ERR_GUIDE_', 'function validateGuide']) expect(code).not.toContain(unused)
    // Nor anything computed at load for them: the schema's patterns, the
    // validator's tables, the locale list (code a bundler keeps unless it
    // can prove it free of side effects).
    const {PATTERNS} = await import('../src/schema.js')
    for (const pattern of Object.values(PATTERNS)) expect(code).not.toContain(JSON.stringify(pattern).slice(1, -1))
    for (const unused of ['SEMVER', 'TEXT_PATTERNS', 'var locales']) expect(code).not.toContain(unused)
  })
  // Each member of a locale's API is bound on its own (a call marked pure).
  it('lets a bundler drop the calls an app does not use: the render forms carry no progress or history, the locale list no guide', async () => {
    const {build} = await import('esbuild')
    const bundle = async (contents: string): Promise<string> => {
      // (esbuild warns of the chunks' ordering imports under a folder not in node_modules.)
      const result = await build({stdin: {contents, resolveDir: ROOT}, bundle: true, platform: 'browser', format: 'esm', write: false, charset: 'utf8', logLevel: 'error'})
      return result.outputFiles[0]?.text ?? ''
    }
    const render = await bundle("import {getStepContent} from './dist/render.js'; console.log(getStepContent(1))")
    expect(render).toContain('getStepContent(n)')
    for (const unused of ['migrateProgress(record)', 'changesSince(version)', 'progressForRound(checked, r)', 'loadLocaleContent(locale)']) expect(render).not.toContain(unused)
    const list = await bundle("import {locales, resolveLocale} from './dist/index.js'; console.log(locales, resolveLocale('de'))")
    expect(list).toContain(source.locales.at(-1))
    for (const step of source.guide.steps) expect(list).not.toContain(step.title)
    expect(list).not.toContain('getStep(n)')
  })
})
