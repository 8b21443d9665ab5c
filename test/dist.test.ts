import {existsSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import * as source from '../src/index.js'
import {ROOT, require, thrown} from './helpers.js'

const esmPath = path.join(ROOT, 'dist/index.js')
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
    expect(esm.getStep(6)).toEqual(cjs.getStep(6))
  })

  it('recognises errors from either build with either guard, by code', async () => {
    const esm = (await import(pathToFileURL(esmPath).href)) as typeof source
    const cjs = require(cjsPath) as typeof source
    const fromEsm = thrown(() => esm.getStep(7 as 1))
    const fromCjs = thrown(() => cjs.getStep(7 as 1))
    for (const guard of [esm.isGuideError, cjs.isGuideError, source.isGuideError]) {
      expect(guard(fromEsm)).toBe(true)
      expect(guard(fromCjs)).toBe(true)
      expect(guard(new RangeError('not ours'))).toBe(false)
    }
    expect((fromEsm as {code: string}).code).toBe('ERR_STEP_OUT_OF_RANGE')
    expect((fromCjs as {code: string}).code).toBe('ERR_STEP_OUT_OF_RANGE')
    // Two copies of the class: instanceof fails across builds, which is why the guard exists.
    expect(fromCjs).not.toBeInstanceOf(esm.GuideRangeError)
    expect(fromCjs).toBeInstanceOf(RangeError)
  })

  it('has no runtime imports: the bundles import nothing', async () => {
    const {readFile} = await import('node:fs/promises')
    const esm = await readFile(esmPath, 'utf8')
    const cjs = await readFile(cjsPath, 'utf8')
    expect(esm).not.toMatch(/^\s*import\s/m)
    expect(cjs).not.toMatch(/require\(/)
  })
})
