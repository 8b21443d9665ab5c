// The first line of defence: content with raw HTML or unsafe links never
// builds. (The sanitiser, tested in sanitize.test.ts, is the second.)
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildGuide, diagnostics} from '../pipeline/index.js'
import {ROOT} from './helpers.js'

let scratch: string
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ace-lint-safety-'))
})
afterAll(async () => {
  await rm(scratch, {recursive: true, force: true})
})

const CASES = [
  {name: 'inline raw HTML', insert: 'Be <b onclick="alert(1)">bold</b>.', rule: 'no-html'},
  {name: 'a script block', insert: '<script>alert(1)</script>', rule: 'no-html'},
  {name: 'an HTML comment', insert: 'Note <!-- hidden --> this.', rule: 'no-html'},
  {name: 'a javascript: link', insert: 'See [this](JavaScript:alert(1)).', rule: 'link-protocol'},
  {name: 'an entity-encoded javascript: link', insert: 'See [this](&#106;avascript:alert(1)).', rule: 'link-protocol'},
  {name: 'a data: image', insert: 'See ![this](data:image/png;base64,AAAA).', rule: 'link-protocol'},
  {name: 'an http: link', insert: 'See [this](http://example.com).', rule: 'link-protocol'},
] as const

describe('content lint refuses unsafe markdown', () => {
  it.each(CASES)('$name in a step body stops the build ($rule)', async ({name, insert, rule}) => {
    const content = path.join(scratch, name.replace(/\W+/g, '-'))
    await cp(path.join(ROOT, 'content'), content, {recursive: true})
    const file = path.join(content, 'steps/03-be-specific.md')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('\n## Checklist', `\n${insert}\n\n## Checklist`))
    const result = await buildGuide({contentDir: content, version: '1.0.0'})
    expect(result.guide).toBeUndefined()
    expect(result.render).toBeUndefined()
    expect(diagnostics(result.files).map((d) => d.ruleId)).toContain(rule)
  })
})
