import {existsSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import * as source from '../src/index.js'
import type {StepNumber} from '../src/index.js'
import {ROOT, require, thrown} from './helpers.js'

// What a built file imports or requires at run time (specifiers, sorted).
async function importedBy(file: string): Promise<string[]> {
  const {readFile} = await import('node:fs/promises')
  const code = await readFile(path.join(ROOT, file), 'utf8')
  const specifiers = [
    ...[...code.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]/gm)].map((match) => match[1]!),
    ...[...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)].map((match) => match[1]!),
    ...[...code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]!),
    ...[...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]!),
  ]
  return [...new Set(specifiers)].sort()
}

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

  it('is one self-contained file per format: no runtime imports but each locale on demand', async () => {
    // Each translation on demand; the source locale is the entry's own API.
    const onDemand = source.locales.slice(1).map((tag) => `./locales/${tag}/index.js`)
    expect(await importedBy('dist/index.js')).toEqual(onDemand.sort())
    expect(await importedBy('dist/index.cjs')).toEqual([])
    // The CJS build requires each locale when asked (through esbuild's require shim).
    const cjs = await (await import('node:fs/promises')).readFile(cjsPath, 'utf8')
    for (const tag of source.locales.slice(1)) expect(cjs).toContain(`require("./locales/${tag}/index.cjs")`)
    // Each translation's entry is self-contained too.
    for (const tag of source.locales.slice(1)) {
      expect(await importedBy(`dist/locales/${tag}/index.js`)).toEqual([])
      expect(await importedBy(`dist/locales/${tag}/index.cjs`)).toEqual([])
    }
  })

  it('has the error classes in each index file, and never in a render file (which takes them from its index)', async () => {
    const {readFile, readdir} = await import('node:fs/promises')
    const files = (await readdir(path.join(ROOT, 'dist'), {recursive: true})).filter((name) => /\.c?js$/.test(name) && !/^(?:check|cli)\./.test(name))
    const defining = []
    for (const name of files) if ((await readFile(path.join(ROOT, 'dist', name), 'utf8')).includes('extends RangeError')) defining.push(name)
    const translations = source.locales.slice(1)
    expect(defining.sort()).toEqual(['index.cjs', 'index.js', ...translations.flatMap((tag) => [`locales/${tag}/index.cjs`, `locales/${tag}/index.js`])].sort())
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

  it('imports nothing at run time but the main entry (one guide, one set of classes)', async () => {
    expect(await importedBy('dist/render.js')).toEqual(['./index.js'])
    expect(await importedBy('dist/render.cjs')).toEqual(['./index.cjs'])
    for (const tag of source.locales.slice(1)) {
      expect(await importedBy(`dist/locales/${tag}/render.js`)).toEqual(['./index.js'])
      expect(await importedBy(`dist/locales/${tag}/render.cjs`)).toEqual(['./index.cjs'])
    }
  })

  it('keeps the trees out of the main entry: dist/index.* holds no render data', async () => {
    const {readFile} = await import('node:fs/promises')
    const sourceRender = await import('../src/render/index.js')
    const html = sourceRender.getStepContent(numbers.at(-1)!).html
    for (const file of [esmPath, cjsPath]) {
      const text = await readFile(file, 'utf8')
      expect(text).not.toContain('tagName')
      expect(text).not.toContain('<em>')
      expect(text).not.toContain('RENDER_DATA')
      expect(text).not.toContain(html.slice(0, 40))
    }
    // The render entry does hold them (so the checks above can fail).
    const render = await readFile(renderEsm, 'utf8')
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
    expect(code).toContain('function getStep')
    for (const unused of ['minLength', 'additionalProperties', 'ERR_GUIDE_', 'function validateGuide']) expect(code).not.toContain(unused)
    // Nor anything computed at load for them: the schema's patterns, the
    // validator's tables, the locale list (code a bundler keeps unless it
    // can prove it free of side effects).
    const {PATTERNS} = await import('../src/schema.js')
    for (const pattern of Object.values(PATTERNS)) expect(code).not.toContain(JSON.stringify(pattern).slice(1, -1))
    for (const unused of ['SEMVER', 'TEXT_PATTERNS', 'var locales']) expect(code).not.toContain(unused)
  })
})
