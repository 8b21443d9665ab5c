// The slowest-first list names test files by path: a renamed or removed file
// would silently drop out of it and start last again.
import {existsSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT} from './helpers.js'
import {SLOWEST} from './setup/sequencer.js'

describe('the slowest-first sequencer', () => {
  it.each(SLOWEST)('names an existing test file: %s', (file) => {
    expect(existsSync(path.join(ROOT, file))).toBe(true)
  })

  it('names each file once', () => {
    expect(new Set(SLOWEST).size).toBe(SLOWEST.length)
  })
})
