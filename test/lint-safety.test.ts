// The first line of defence: content with raw HTML, unsafe links or items
// whose rich form would read other than their text never builds. (The
// sanitiser, tested in sanitize.test.ts, is the second.)
import {readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildGuide, diagnostics, rules} from '../pipeline/index.js'
import {MAX_DELIMITER_RUN, MAX_FILE_BYTES, MAX_INLINE_DELIMITERS, MAX_INLINE_DEPTH, MAX_LINES, MAX_MANIFEST_BYTES, MAX_NESTING_DEPTH} from '../pipeline/limits.js'
import {STEP_FILE, materializeWith, validFile} from './fixture-content.js'
import {ROOT} from './helpers.js'

const step = await validFile(STEP_FILE)
const ITEM = /^- \[ \] .*(\{#remember-culture-fit rounds=2\+\})$/m
const inBody = (markdown: string): string => step.replace('\n## Checklist', `\n${markdown}\n\n## Checklist`)
const asItem = (markdown: string): string => `${step.replace(ITEM, `- [ ] ${markdown} $1`)}\n[ref]: https://example.com/ref\n`

async function build(content: string, only = rules) {
  const directory = await materializeWith({[STEP_FILE]: content})
  try {
    const result = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory, rules: only})
    return {result, found: diagnostics(result.files)}
  } finally {
    await rm(directory, {recursive: true, force: true})
  }
}

const CASES = [
  {name: 'inline raw HTML', content: inBody('Be <b onclick="alert(1)">bold</b>.'), rule: 'no-html'},
  {name: 'a script block', content: inBody('<script>alert(1)</script>'), rule: 'no-html'},
  {name: 'an HTML comment', content: inBody('Note <!-- hidden --> this.'), rule: 'no-html'},
  {name: 'a javascript: link', content: inBody('See [this](JavaScript:alert(1)).'), rule: 'link-protocol'},
  {name: 'an entity-encoded javascript: link', content: inBody('See [this](&#106;avascript:alert(1)).'), rule: 'link-protocol'},
  {name: 'a data: image', content: inBody('See ![this](data:image/png;base64,AAAA).'), rule: 'link-protocol'},
  {name: 'an http: link', content: inBody('See [this](http://example.com).'), rule: 'link-protocol'},
  {name: 'an image in a checklist item', content: asItem('Study ![the agenda](https://example.com/a.png) first.'), rule: 'item-content'},
  {name: 'a reference image in a checklist item', content: asItem('Study ![the agenda][ref] first.'), rule: 'item-content'},
  {name: 'a footnote reference in a checklist item', content: `${asItem('Study the agenda[^1] first.')}\n[^1]: A note.\n`, rule: 'item-content'},
  {name: 'a hard line break in a checklist item', content: asItem('Study the agenda\\\n  first.'), rule: 'item-content'},
  {name: 'a reference link in a checklist item', content: asItem('Study [the agenda][ref] first.'), rule: 'item-content'},
] as const

describe('content lint refuses unsafe markdown', () => {
  it.each(CASES)('$name stops the build ($rule)', async ({content, rule}) => {
    const {result, found} = await build(content)
    expect(result.guide).toBeUndefined()
    expect(result.render).toBeUndefined()
    expect(found.map((d) => d.ruleId)).toContain(rule)
  })

  it('refuses each image of the issue\'s item at its own position, and nothing else', async () => {
    const content = asItem('See ![{next}](https://example.com/a.png) and ![alt text](https://example.com/b.png) before your {next} interview.')
    const {found} = await build(content)
    expect(found).toEqual(
      [11, 52].map((column) => expect.objectContaining({
        file: STEP_FILE,
        line: 17,
        column,
        ruleId: 'item-content',
        reason: 'Expected only text, emphasis, code and links in a checklist item, found an image',
        fatal: true,
      })),
    )
  })

  it('turns a failure after the lint into a diagnostic at the content file\'s position (item-content left out)', async () => {
    const {result, found} = await build(asItem('See ![{next}](https://example.com/a.png) first.'), rules.filter((rule) => rule.id !== 'item-content'))
    expect(result.guide).toBeUndefined()
    expect(found).toEqual([expect.objectContaining({file: STEP_FILE, line: 17, column: 1, ruleId: 'build-failure', fatal: true})])
    expect(found[0]?.reason).toMatch(/^Expected content the build can render, found a construct it failed on \(Error: renderData: checklist item "remember-culture-fit" renders as other text than its `text`/)
  })
})

describe("content/README.md's Limits section", () => {
  // Each limit's row names it and states the number in pipeline/limits.ts.
  const rows = [
    ['size of a content file', `${MAX_FILE_BYTES} bytes`],
    ['lines in a content file', `${MAX_LINES} lines`],
    ['size of `content/manifest.json`', `${MAX_MANIFEST_BYTES} bytes`],
    ['block nesting', `${MAX_NESTING_DEPTH} levels`],
    ['inline nesting', `${MAX_INLINE_DEPTH} levels`],
    ['one run of', `${MAX_DELIMITER_RUN} characters`],
    ['runs of those characters', `${MAX_INLINE_DELIMITERS} runs`],
  ] as const

  it.each(rows)('states the limit on %s as %s', async (name, value) => {
    const readme = await readFile(path.join(ROOT, 'content/README.md'), 'utf8')
    const start = readme.indexOf('\n### Limits')
    expect(start).toBeGreaterThan(-1)
    const limits = readme.slice(start, readme.indexOf('\n## ', start + 1))
    const row = limits.split('\n').find((line) => line.startsWith(`| ${name}`))
    expect(row).toBeDefined()
    expect(row?.split('|')[2]).toContain(value)
  })
})
