// validateGuide on hostile sizes, in a fresh process: a copy of the guide
// whose steps are 500,000 empty objects (each one a handful of problems) must
// cost about what 200 do, because the walk stops at the 100-problem cap.
// Prints {hugeMs, smallMs, validMs} as JSON: medians of SAMPLES runs.
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type * as Api from '../../src/index.js'

const SAMPLES = 15
const root = path.resolve(import.meta.dirname, '../..')
const api = (await import(pathToFileURL(path.join(root, 'dist/index.js')).href)) as typeof Api

const withSteps = (count: number): unknown => ({...structuredClone(api.guide), steps: Array.from({length: count}, () => ({}))})
const huge = withSteps(500_000)
const small = withSteps(200)
const valid = structuredClone(api.guide)

function median(value: unknown): number {
  const times: number[] = []
  for (let sample = 0; sample < SAMPLES; sample++) {
    const start = process.hrtime.bigint()
    api.validateGuide(value)
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] as number
}

process.stdout.write(`${JSON.stringify({hugeMs: median(huge), smallMs: median(small), validMs: median(valid)})}\n`)
