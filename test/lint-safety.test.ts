// The first line of defence: content with raw HTML or unsafe links never
// builds. (The sanitiser, tested in sanitize.test.ts, is the second.)
import {rm} from 'node:fs/promises'
import {describe, expect, it} from 'vitest'
import {buildGuide, diagnostics} from '../pipeline/index.js'
import {materializeWith, validFile} from './fixture-content.js'

const STEP = 'steps/03-be-specific.md'
const text = await validFile(STEP)

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
  it.each(CASES)('$name in a step body stops the build ($rule)', async ({insert, rule}) => {
    // The valid fixture, with the insert as the body's last paragraph.
    const content = await materializeWith({[STEP]: text.replace('\n## Checklist', `\n${insert}\n\n## Checklist`)})
    try {
      const result = await buildGuide({contentDir: content, version: '1.0.0'})
      expect(result.guide).toBeUndefined()
      expect(result.render).toBeUndefined()
      expect(diagnostics(result.files).map((d) => d.ruleId)).toContain(rule)
    } finally {
      await rm(content, {recursive: true, force: true})
    }
  })
})
