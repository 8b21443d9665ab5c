// The slowest-first list names test files by path: a renamed or removed file
// would silently drop out of it and start last again.
import {existsSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {TestSpecification} from 'vitest/node'
import {ROOT} from './helpers.js'
import SlowestFirst, {SLOWEST} from './setup/sequencer.js'

describe('the slowest-first sequencer', () => {
  it.each(SLOWEST)('names an existing test file: %s', (file) => {
    expect(existsSync(path.join(ROOT, file))).toBe(true)
  })

  it('names each file once', () => {
    expect(new Set(SLOWEST).size).toBe(SLOWEST.length)
  })

  it('keeps each project\'s files together (a worker is reused only within one), the project with the slowest file first, each slowest first', async () => {
    // No cache of a last run: vitest orders by project, then by file size.
    const sequencer = new SlowestFirst({cache: {getFileTestResults: () => undefined, getFileStats: () => undefined}, config: {root: ROOT}} as never)
    const [slowest, second] = SLOWEST.slice(1)
    const spec = (project: string, file: string) =>
      ({project: {name: project, config: {root: ROOT, isolate: false, sequence: {groupOrder: 0}}}, moduleId: path.join(ROOT, file)}) as unknown as TestSpecification
    const specs = [spec('alpha', 'test/a.test.ts'), spec('beta', 'test/b.test.ts'), spec('beta', second!), spec('alpha', 'test/c.test.ts'), spec('beta', slowest!), spec('gamma', 'test/d.test.ts')]
    const sorted = await sequencer.sort(specs)
    expect(sorted.map((file) => `${file.project.name} ${path.relative(ROOT, file.moduleId)}`)).toEqual([
      `beta ${slowest}`,
      `beta ${second}`,
      'beta test/b.test.ts',
      'alpha test/a.test.ts',
      'alpha test/c.test.ts',
      'gamma test/d.test.ts',
    ])
  })
})
