// Issue 13 (item 4): the shipped content, every locale, passes the spelling
// rules clean. The build skips the dictionary rules (they cost seconds and
// never fail it), so this is where `npm test` runs them on the live content.
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildGuide, diagnostics, dictionaryRules, rules} from '../pipeline/index.js'
import {ROOT} from './helpers.js'

describe('the content of this repository, spelt', () => {
  it('has no spelling or repeated-word warnings in any locale', async () => {
    const built = await buildGuide({contentDir: path.join(ROOT, 'content'), version: '0.0.0', cwd: ROOT, rules})
    const prose = new Set(['repeated-words', ...dictionaryRules.map((rule) => rule.id)])
    const found = diagnostics(built.files).filter((d) => prose.has(d.ruleId))
    // Each as file:line:column and reason, so a failure says what to fix.
    expect(found.map((d) => `${d.file}:${d.line}:${d.column}: ${d.reason}`)).toEqual([])
    // It ran: the dictionaries were found, so spelling was not skipped.
    expect(diagnostics(built.files).filter((d) => /spelling was not checked/.test(d.reason))).toEqual([])
  }, 180_000)
})
