// The profiles BENCHMARKS.md prints beside the goals: a wrong sum or a lost
// row would send whoever reads the notes after the wrong cost.
import {describe, expect, it} from 'vitest'
import {loadProfileTable, testSuiteProfile} from '../bench/report.js'

describe('testSuiteProfile', () => {
  const files = Array.from({length: 14}, (_, index) => ({file: `test/f${index}.test.ts`, ms: (14 - index) * 1000, tests: index + 1}))

  it('lists the slowest files by name and sums the rest', () => {
    const text = testSuiteProfile({figure: {name: '', measured: '', baseline: '', ratio: '', goal: '', met: false}, files, vitestWallMs: 60_000})
    expect(text).toContain('14 files')
    expect(text).toContain('in 60.0 s')
    expect(text).toContain('add up to 105.0 s')
    expect(text).toContain('| `test/f0.test.ts` | 1 | 14.0 s | 13% |')
    expect(text).toContain('| `test/f11.test.ts` | 12 | 3.0 s | 3% |')
    expect(text).not.toContain('f12.test.ts')
    expect(text).toContain('| 2 more files | 27 | 3.0 s | 3% |')
  })

  it('says when the suite was not run', () => {
    expect(testSuiteProfile({figure: {name: '', measured: '', baseline: '', ratio: '', goal: '', met: undefined}, files: [], vitestWallMs: undefined})).toMatch(/^Not measured/)
  })
})

describe('loadProfileTable', () => {
  it('keeps stages of 20 µs or more, sums the smaller ones and totals each column', () => {
    const text = loadProfileTable({
      system: 'CommonJS',
      bytes: {ours: 50_000, plain: 12_000},
      samples: 3,
      stages: [
        {stage: 'resolve, read and compile', oursUs: 2000, plainUs: 900},
        {stage: 'src/a.ts', oursUs: 5, plainUs: undefined},
        {stage: 'src/b.ts', oursUs: 800, plainUs: undefined},
        {stage: 'src/c.ts', oursUs: 7, plainUs: undefined},
        {stage: 'plain-guide/index.cjs', oursUs: undefined, plainUs: 600},
        {stage: 'first getStep(1)', oursUs: 30, plainUs: 15},
      ],
    })
    const rows = text.split('\n')
    expect(rows[0]).toBe('| CommonJS: stage | ours (50,000 B) | plain (12,000 B) |')
    expect(rows).toContain('| top level of `src/b.ts` | 800 µs | – |')
    expect(rows).toContain('| top level of `plain-guide/index.cjs` | – | 600 µs |')
    expect(rows).toContain('| top level of 2 more modules, each under 20 µs | 12 µs | – |')
    expect(rows.at(-1)).toBe('| **sum of the medians** | **2,842 µs** | **1,515 µs** |')
  })
})
