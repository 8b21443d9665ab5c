import {readdir, rm} from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import type {Root} from 'hast'
import {toString as hastText} from 'hast-util-to-string'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {LINE_ENDING, frontMatterLines} from '../pipeline/parse/front-matter-fence.js'
import {buildGuide, diagnostics, parseMarkdown} from '../pipeline/index.js'
import {ordinalOf} from '../src/ordinal.js'
import {mapText} from '../src/render/tree.js'
import {renderTemplate} from '../src/template.js'
import {anyCodePoint, webSegment} from './arbitraries.js'
import {HEAP_MB, type PipelineWorker, startPipelineWorker} from './budget.js'
import {FIXTURES, STEP_FILE, materializeWith, validFile} from './fixture-content.js'

// Runs per property over whole builds (each well under 0.1 s): enough that
// bugs planted in the code each property guards (a rule reading a prototype
// key, a position of 0, an image let into an item, a fence the parser does
// not close) are still found, few enough that the file takes seconds. The
// hostile bodies' known worst cases always run first (`examples`).
const RUNS = 25

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
  .tuple(fc.constantFrom('https:', 'mailto:', 'http:', 'javascript:', 'data:', 'HTTPS:', 'ftp:', '', '//'), webSegment, fc.boolean())
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
// runs pass and compile) or a random line closing its front matter (so the
// key rules meet odd keys in otherwise sound files), or generated from
// scratch, or arbitrary text.
const file = (valid: string) =>
  fc.oneof(
    {weight: 3, arbitrary: block.map((extra) => valid.replace(/\n\n(?=[^\n]*\n\n## Checklist|[^\n]*$)/, `\n\n${extra}\n\n`))},
    {weight: 2, arbitrary: fc.tuple(yamlKey, yamlValue).map(([key, value]) => valid.replace('\n---\n', `\n${key}: ${value}\n---\n`))},
    {weight: 3, arbitrary: randomDocument},
    {weight: 2, arbitrary: fc.constant(valid)},
    {weight: 1, arbitrary: fc.string({unit: anyCodePoint, maxLength: 300})},
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
          for (const diagnostic of found) {
            expect(Number.isInteger(diagnostic.line) && diagnostic.line >= 1).toBe(true)
            expect(Number.isInteger(diagnostic.column) && diagnostic.column >= 1).toBe(true)
            expect(diagnostic.ruleId).not.toBe('unknown')
          }
          if (result.guide === undefined) {
            expect(found.filter((diagnostic) => diagnostic.fatal).length).toBeGreaterThan(0)
          } else {
            // Warnings (a mutated word misspelt or repeated) let the build through.
            expect(found.filter((diagnostic) => diagnostic.fatal)).toEqual([])
            expect(result.guide.steps).toHaveLength(steps.length)
          }
        } finally {
          await rm(directory, {recursive: true, force: true})
        }
        expect(Reflect.ownKeys(Object.prototype)).toEqual(prototypeKeys)
      }),
      // More runs here: a run has many ways to go wrong, each rarely drawn.
      {numRuns: 2 * RUNS},
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
          const ordinal = ordinalOf(result.ordinals[result.guide.locale]!)
          for (const item of result.guide.steps.flatMap((each) => each.checklist)) {
            const tree = result.render.items[item.id]?.hast as Root
            for (const round of [item.rounds.from, item.rounds.from + 1, item.rounds.from + 9]) {
              expect(hastText(mapText(tree, (value) => renderTemplate(value, round, ordinal)))).toBe(renderTemplate(item.template, round, ordinal))
            }
            expect(item.text).toBe(renderTemplate(item.template, item.rounds.from, ordinal))
          }
        } finally {
          await rm(directory, {recursive: true, force: true})
        }
      }),
      {numRuns: RUNS},
    )
  })
})

// Issue 11, cases 1 and 2: hostile bodies either get a diagnostic or build
// (lint, compile, render and emit), each within the worker's heap limit, and
// never through a build step failing after the lint passed. (Time is not
// asserted: a busy machine must not fail the case; a hang meets vitest's
// test timeout.)
const fenceLine = fc.tuple(fc.constantFrom('---', '----', ' ---', '---x'), fc.constantFrom('', ' ', '\t', '  \t ')).map(([fence, space]) => `${fence}${space}`)
const frontMatterOf = (closing: string | null): string =>
  `---\nid: show-your-colours\nstep: 4\nsummary: Let the interviewers see the real you.\n${closing === null ? '' : `${closing}\n`}`
// Openers, then as many closers: `*a *a b a* a*`.
const nestedRuns = (run: string, times: number): string => `${`${run}a `.repeat(times)}b${` a${run}`.repeat(times)}`
const delimiter = fc.constantFrom('*', '_', '~', '~~', '[', ']', '**', '***', '`', '<', '*_')
// Counts both small (just under the limits) and large (far over them).
const count = (small: number, large: number) => fc.oneof(fc.integer({min: 1, max: small}), fc.integer({min: 1, max: large}))
// Type checking the generated modules recursed past its limit (TS2321) at
// between 90 and 115 nested elements, about 190 to 240 levels of objects and
// arrays; anything that builds must stay far below that. (The lint's limits,
// 8 block and 8 inline levels, come to about 60.)
const MAX_GENERATED_DEPTH = 80
const hostileBlock: fc.Arbitrary<string> = fc.oneof(
  // Nested emphasis or brackets: openers, then closers.
  {
    weight: 4,
    arbitrary: fc.tuple(delimiter, count(32, 40), count(40, 4000)).map(([mark, length, times]) => {
      return nestedRuns(mark.repeat(length), times)
    }),
  },
  // Flat runs: many pairs side by side, on one line or many.
  fc.tuple(delimiter, count(80, 4000), fc.constantFrom(' ', '\n', '\n\u00a0\n')).map(([mark, times, gap]) => Array.from({length: times}, () => `${mark}a${mark}`).join(gap)),
  // Deep lists, quotes and footnote definitions, by markers or by indentation.
  fc.tuple(fc.constantFrom('> ', '- ', '1. ', '* > ', '[^a]: ', '> [^a]: - ', '  ', '\t'), fc.integer({min: 1, max: 60}), fc.integer({min: 1, max: 40})).map(([marker, depth, lines]) =>
    Array.from({length: lines}, (_, line) => `${marker.repeat(Math.max(1, depth - (line % 3)))}${marker.trim() === '' ? '- ' : ''}line ${line}`).join('\n'),
  ),
  // Links inside emphasis inside links…
  count(40, 2000).map((depth) => `${'[*a '.repeat(depth)}x${' b*](https://example.com)'.repeat(depth)}`),
  // Shapes the parser handles in more than linear time: many setext
  // headings, list items, table cells, link definitions.
  fc.tuple(fc.constantFrom('a\n=\n', 'a\n-\n', '- a\n', '|a|b|\n', '[a]: https://example.com\n', '> a\n'), count(400, 8000)).map(([unit, times]) => `${unit.startsWith('|') ? '|a|b|\n|-|-|\n' : ''}${unit.repeat(times)}`),
)
const stepWith = (closing: string | null, blocks: readonly string[]): string =>
  `${frontMatterOf(closing)}\n# Show your colours\n\n${blocks.join('\n\n')}\n\n## Checklist\n\n- [ ] Remind yourself. {#remember-culture-fit rounds=2+}\n- [ ] Decide. {#let-personality-show rounds=2+}\n`
const hostileStep = fc
  .tuple(fc.option(fenceLine, {nil: null}), fc.array(hostileBlock, {minLength: 1, maxLength: 2}))
  .map(([closing, blocks]) => stepWith(closing, blocks))
// The issue's cases, always tried first: 14 runs of 32 `*` (the build then
// failed in tsc), nested runs behind a `--- ` fence or an unclosed front
// matter, and 8000 setext headings (minutes of parsing).
const issueExamples: Array<[string]> = [
  [stepWith('---', [nestedRuns('*'.repeat(32), 7)])],
  [stepWith('--- ', [nestedRuns('*', 1000)])],
  [stepWith(null, [nestedRuns('*', 1500)])],
  [stepWith('---', ['a\n=\n'.repeat(8000)])],
]

describe('hostile bodies', () => {
  let worker: PipelineWorker
  beforeAll(async () => {
    worker = await startPipelineWorker()
  })
  afterAll(async () => {
    await worker.close()
  })

  it(`get a diagnostic or build, each within ${HEAP_MB} MB of heap`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileStep, async (content) => {
        const directory = await materializeWith({[STEP_FILE]: content})
        try {
          const reply = await worker.build(directory)
          expect(reply.thrown).toBeUndefined()
          if (reply.built) {
            expect(reply.depth).toBeLessThanOrEqual(MAX_GENERATED_DEPTH)
          } else {
            expect(reply.diagnostics.length).toBeGreaterThan(0)
            expect(reply.diagnostics.map((diagnostic) => diagnostic.ruleId)).not.toContain('build-failure')
          }
        } finally {
          await rm(directory, {recursive: true, force: true})
        }
      }),
      {numRuns: RUNS, examples: issueExamples},
    )
  })
})

describe('front matter', () => {
  it('ends where the parser ends it, whatever the fences look like', () => {
    const line = fc.oneof(fenceLine, fc.constantFrom('id: a', '', 'text', '- x', '***'))
    fc.assert(
      fc.property(fc.array(line, {maxLength: 8}), fc.constantFrom('', '\n'), (lines, ending) => {
        const text = `${lines.join('\n')}${ending}`
        const first = parseMarkdown(text).children[0]
        const expected = first?.type === 'yaml' ? (first.position?.end.line ?? 0) : 0
        expect(frontMatterLines(text.split(LINE_ENDING))).toBe(expected)
      }),
      {numRuns: 200},
    )
  })
})
