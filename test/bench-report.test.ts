// The profiles BENCHMARKS.md prints beside the goals: a wrong sum or a lost
// row would send whoever reads the notes after the wrong cost.
import {describe, expect, it} from 'vitest'
import {testSuiteProfile} from '../bench/report.js'

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
