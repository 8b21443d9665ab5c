import {readdir, rm} from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import type {Root} from 'hast'
import {toString as hastText} from 'hast-util-to-string'
import {describe, expect, it} from 'vitest'
import {buildGuide, diagnostics} from '../pipeline/index.js'
import {mapText} from '../src/render/tree.js'
import {renderTemplate} from '../src/template.js'
import {FIXTURES, STEP_FILE, materializeWith, validFile} from './fixture-content.js'

const validSteps = (await readdir(path.join(FIXTURES, 'valid/steps'))).sort()
const validGuide = await validFile('guide.md')
const validStepTexts = await Promise.all(validSteps.map((name) => validFile(`steps/${name}`)))

// Inline pieces, hostile ones included: braces, attribute blocks, links with
// any scheme, HTML, emphasis and escapes.
const word = fc.oneof(
  fc.constantFrom('you', 'interview', 'round', 'Plan.', 'é', '😀', '\\', '`code`', '&amp;', '*', '**', '_', '~', '[', ']', '(', ')', '!', '<', '>'),
  fc.string({maxLength: 8}),
)
const placeholder = fc.constantFrom('{round}', '{previous}', '{next}', '{nxet}', '{}', '{#}', '{ round }', '}{')
const attributes = fc
  .tuple(fc.constantFrom('ok-id', 'Bad_Id', '', 'remember-culture-fit', '__proto__'), fc.constantFrom('', ' rounds=2+', ' rounds=1', ' rounds=2-1', ' rounds=x', ' rounds=2+ rounds=3', ' owner=me', ' flag'))
  .map(([id, rest]) => `{#${id}${rest}}`)
const link = fc
  .tuple(fc.constantFrom('https:', 'mailto:', 'http:', 'javascript:', 'data:', 'HTTPS:', 'ftp:', '', '//'), fc.webSegment(), fc.boolean())
  .map(([scheme, target, image]) => `${image ? '!' : ''}[link](${scheme}${scheme === 'mailto:' ? 'a@b.example' : `//x.example/${target}`})`)
const html = fc.constantFrom('<b>', '</b>', '<br>', '<!-- note -->', '<script>alert(1)</script>', '<div>')
const inline = fc.array(fc.oneof({weight: 6, arbitrary: word}, placeholder, link, html), {minLength: 1, maxLength: 12}).map((parts) => parts.join(' '))

const block = fc.oneof(
  {weight: 4, arbitrary: inline},
  fc.tuple(fc.integer({min: 1, max: 7}), inline).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`),
  fc.constant('## Checklist'),
  fc
    .array(fc.tuple(fc.constantFrom('- [ ] ', '- [x] ', '- ', '* [ ] ', '1. [ ] ', '  - [ ] '), inline, fc.option(attributes)), {minLength: 1, maxLength: 6})
    .map((items) => items.map(([marker, text, attrs]) => `${marker}${text}${attrs === null ? '' : ` ${attrs}`}`).join('\n')),
  fc.tuple(fc.integer({min: 1, max: 12}), inline).map(([depth, text]) => `${'> '.repeat(depth)}${text}`),
  fc.tuple(fc.integer({min: 1, max: 12}), inline).map(([depth, text]) => `${'  '.repeat(depth)}- ${text}`),
  html,
  fc.constant('```\ncode {x}\n```'),
  fc.constant('[ref]: javascript:alert(1)'),
)

// Front matter values, hostile YAML included.
const yamlValue = fc.oneof(
  fc.string({maxLength: 20}).map((text) => JSON.stringify(text)),
  fc.integer().map(String),
  fc.constantFrom('', '2+', '2-4', '0', '-1', '1.5', 'true', 'null', '~', '&a x', '*a', '!!js/function "f"', '!custom x', '[a, b]', '{a: 1}', '"unterminated', "'", '|\n  block', '- x', 'a: b: c', '@', '`', '%', 'make-a-plan', 'Text {round}'),
)
const yamlKey = fc.oneof(fc.constantFrom('id', 'step', 'summary', 'rounds', '__proto__', 'constructor', 'prototype', 'toString', '? x', '<<', '"quoted"', ''), fc.string({maxLength: 8}))
const frontMatter = fc
  .array(fc.tuple(yamlKey, yamlValue), {maxLength: 6})
  .map((pairs) => `---\n${pairs.map(([key, value]) => `${key}: ${value}`).join('\n')}\n---\n`)

const randomDocument = fc
  .tuple(fc.option(frontMatter), fc.array(block, {maxLength: 10}), fc.constantFrom('\n', '\r\n', ''))
  .map(([yaml, blocks, ending]) => `${yaml ?? ''}${blocks.join('\n\n')}${ending}`)

// A file is either the valid one with a random block in its body (so some
// runs pass and compile), or generated from scratch, or arbitrary text.
const file = (valid: string) =>
  fc.oneof(
    {weight: 3, arbitrary: block.map((extra) => valid.replace(/\n\n(?=[^\n]*\n\n## Checklist|[^\n]*$)/, `\n\n${extra}\n\n`))},
    {weight: 3, arbitrary: randomDocument},
    {weight: 2, arbitrary: fc.constant(valid)},
    {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 300})},
  )

const content = fc.integer({min: 1, max: 3}).chain((count) =>
  fc.record({
    guide: file(validGuide),
    steps: fc.tuple(...validStepTexts.slice(0, count).map((text) => file(text))),
  }),
)

describe('the content pipeline', () => {
  it('returns a guide or at least one positioned fatal diagnostic for any content, never throws', async () => {
    await fc.assert(
      fc.asyncProperty(content, async ({guide: guideText, steps}) => {
        const prototypeKeys = Reflect.ownKeys(Object.prototype)
        const files: Record<string, string> = {'guide.md': guideText}
        for (const [index, text] of steps.entries()) files[`steps/${validSteps[index]}`] = text
        const directory = await materializeWith(files, false)
        try {
          const result = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory})
          const found = diagnostics(result.files)
          if (result.guide === undefined) {
            expect(found.filter((diagnostic) => diagnostic.fatal).length).toBeGreaterThan(0)
            for (const diagnostic of found) {
              expect(Number.isInteger(diagnostic.line) && diagnostic.line >= 1).toBe(true)
              expect(Number.isInteger(diagnostic.column) && diagnostic.column >= 1).toBe(true)
              expect(diagnostic.ruleId).not.toBe('unknown')
            }
          } else {
            expect(found).toEqual([])
            expect(result.guide.steps).toHaveLength(steps.length)
          }
        } finally {
          await rm(directory, {recursive: true, force: true})
        }
        expect(Reflect.ownKeys(Object.prototype)).toEqual(prototypeKeys)
      }),
      {numRuns: 100},
    )
  })
})

// Issue 11 case 8: a checklist item's `text` is what its rich form shows.
// Items built from every kind of inline markdown either fail the lint or
// render so that, for every round, the filled hast's text content equals the
// filled template (and `text` is that for the item's first round).
const itemWord = fc.constantFrom('Prepare', 'your', 'notes', 'é', '😀', '&amp;', '\\*', 'x_y', '{next}', '{round}', '{previous}', '(a)', '"quoted"')
const itemPiece: fc.Arbitrary<string> = fc.oneof(
  {weight: 6, arbitrary: itemWord},
  itemWord.map((word) => `*${word}*`),
  itemWord.map((word) => `**${word}**`),
  itemWord.map((word) => `~~${word}~~`),
  itemWord.map((word) => `\`${word}\``),
  itemWord.map((word) => `[${word}](https://example.com/a)`),
  itemWord.map((word) => `![${word}](https://example.com/a.png)`),
  fc.constantFrom(
    '<https://example.com>',
    'www.example.com',
    '[^note]',
    '<b>bold</b>',
    '\\\n  ',
    '  \n  ',
    '\n  ',
    '`a\n  b`',
    '[ref][]',
  ),
)
const itemText = fc.array(itemPiece, {minLength: 1, maxLength: 8}).map((pieces) => pieces.join(' '))

describe('checklist items', () => {
  it('fail the lint, or have a text equal to the text content of their hast in every round', async () => {
    const step = await validFile(STEP_FILE)
    const line = /^- \[ \] .*(\{#remember-culture-fit rounds=2\+\})$/m
    await fc.assert(
      fc.asyncProperty(itemText, async (text) => {
        const content = `${step.replace(line, `- [ ] ${text} $1`)}\n[ref]: https://example.com/ref\n`
        const directory = await materializeWith({[STEP_FILE]: content})
        try {
          const result = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory})
          if (result.guide === undefined || result.render === undefined) {
            const found = diagnostics(result.files)
            expect(found.length).toBeGreaterThan(0)
            // The lint refused it: no item reaches a build step that then fails.
            expect(found.map((diagnostic) => diagnostic.ruleId)).not.toContain('build-failure')
            return
          }
          for (const item of result.guide.steps.flatMap((each) => each.checklist)) {
            const tree = result.render.items[item.id] as Root
            for (const round of [item.rounds.from, item.rounds.from + 1, item.rounds.from + 9]) {
              expect(hastText(mapText(tree, (value) => renderTemplate(value, round)))).toBe(renderTemplate(item.template, round))
            }
            expect(item.text).toBe(renderTemplate(item.template, item.rounds.from))
          }
        } finally {
          await rm(directory, {recursive: true, force: true})
        }
      }),
      {numRuns: 60},
    )
  })
})
