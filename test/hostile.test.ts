import {rm} from 'node:fs/promises'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildGuide, buildRules, diagnostics} from '../pipeline/index.js'
import {MAX_FILE_BYTES, MAX_LINES} from '../pipeline/limits.js'
import {HEAP_MB, type PipelineWorker, startPipelineWorker} from './budget.js'
import {STEP_FILE, materializeWith, validFile} from './fixture-content.js'

const step = await validFile(STEP_FILE)
const [, frontMatter = '', body = ''] = /^---\n([^]*?)\n---\n([^]*)$/.exec(step) ?? []
const withFrontMatter = (yaml: string): string => `---\n${yaml}\n---\n${body}`
const withBody = (markdown: string): string => step.replace('So let them see the real you.', markdown)

// Billion laughs: each level refers to the one before ten times.
const aliasBomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...Array.from({length: 8}, (_, level) => {
    const name = String.fromCharCode(98 + level)
    const previous = String.fromCharCode(97 + level)
    return `${name}: &${name} [${Array.from({length: 10}, () => `*${previous}`).join(',')}]`
  }),
].join('\n')

// Nested list levels by indentation (two columns a level), small enough to
// stay under the file size limit so the nesting rule is what stops them.
const indentedList = (levels: number): string =>
  Array.from({length: levels}, (_, level) => `${'\t'.repeat(level >> 1)}${level % 2 === 1 ? '  ' : ''}- level ${level}`).join('\n')

const cases: ReadonlyArray<{name: string; content: string | Uint8Array; ruleId: string}> = [
  {name: 'a YAML alias bomb', content: withFrontMatter(`${frontMatter}\n${aliasBomb}`), ruleId: 'front-matter-syntax'},
  {name: 'a `__proto__` key', content: withFrontMatter(`${frontMatter}\n__proto__:\n  polluted: true`), ruleId: 'front-matter-keys'},
  {name: 'a `constructor` key', content: withFrontMatter(`${frontMatter}\nconstructor:\n  prototype:\n    polluted: true`), ruleId: 'front-matter-keys'},
  {name: 'a `!!js/function` tag', content: withFrontMatter(`${frontMatter}\ncheck: !!js/function 'function () { return 1 }'`), ruleId: 'front-matter-syntax'},
  {name: 'a custom local tag', content: withFrontMatter(frontMatter.replace('step: 4', 'step: !evil 4')), ruleId: 'front-matter-syntax'},
  {name: 'duplicate keys', content: withFrontMatter(`${frontMatter}\nid: again`), ruleId: 'front-matter-syntax'},
  {name: 'a UTF-8 BOM', content: `\uFEFF${step}`, ruleId: 'file-format'},
  {name: 'CRLF line endings', content: step.replaceAll('\n', '\r\n'), ruleId: 'file-format'},
  {name: 'an empty file', content: '', ruleId: 'file-format'},
  {name: 'a 1 MB file', content: withBody('So let them see the real you. '.repeat(Math.ceil(2 ** 20 / 30))), ruleId: 'file-format'},
  {name: 'invalid UTF-8 bytes', content: new Uint8Array([...Buffer.from(step.slice(0, 200)), 0xc3, 0x28, 0xff, 0xfe, ...Buffer.from(step.slice(200))]), ruleId: 'file-format'},
  {name: '10 000 nested block quotes', content: withBody(`${'>'.repeat(10_000)} deep`), ruleId: 'nesting-depth'},
  {name: '300 lines of block quotes, then one 9 deep', content: withBody(`${'> > x\n'.repeat(300)}${'> '.repeat(9)}deep`), ruleId: 'nesting-depth'},
  {name: '5 000 nested list markers on one line', content: withBody(`${'- '.repeat(5000)}deep`), ruleId: 'nesting-depth'},
  {name: '5 000 nested ordered list markers', content: withBody(`${'1. '.repeat(5000)}deep`), ruleId: 'nesting-depth'},
  {name: '100 list levels by indentation', content: withBody(indentedList(100)), ruleId: 'nesting-depth'},
  {name: '5 000 list levels by indentation (too large a file first)', content: withBody(indentedList(5000)), ruleId: 'file-format'},
  {name: 'a run of 10 000 `*`', content: withBody('*'.repeat(10_000)), ruleId: 'nesting-depth'},
  {name: '5 000 `*` runs nesting emphasis', content: withBody(`${'*a '.repeat(2500)}${'a* '.repeat(2500)}`), ruleId: 'nesting-depth'},
  {name: '300 alternating `*` and `_` runs over many lines', content: withBody(Array.from({length: 300}, (_, i) => (i % 2 === 0 ? '*a' : '_a')).join('\n')), ruleId: 'nesting-depth'},
  {name: '5 000 `[`', content: withBody('[a '.repeat(5000)), ruleId: 'nesting-depth'},
]

describe('hostile content', () => {
  it.each(cases)('$name: stops the build with a $ruleId error, throws nothing, leaves Object.prototype alone', async ({content, ruleId}) => {
    const prototypeKeys = Reflect.ownKeys(Object.prototype)
    const directory = await materializeWith({[STEP_FILE]: content})
    try {
      const result = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory, rules: buildRules})
      const found = diagnostics(result.files)
      expect(result.guide).toBeUndefined()
      expect(found.length).toBeGreaterThan(0)
      // Every diagnostic is the named rule's, on the hostile file, with a position.
      for (const diagnostic of found) {
        expect(diagnostic).toMatchObject({file: STEP_FILE, ruleId, fatal: true})
        expect(diagnostic.line).toBeGreaterThanOrEqual(1)
        expect(diagnostic.column).toBeGreaterThanOrEqual(1)
      }
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
    expect(Reflect.ownKeys(Object.prototype)).toEqual(prototypeKeys)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it.each(cases.filter((entry) => entry.ruleId !== 'file-format'))('$name stays within the file size and line limits (so it tests what it says)', ({content}) => {
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(MAX_FILE_BYTES)
    expect(String(content).split('\n').length).toBeLessThanOrEqual(MAX_LINES)
  })

  it('keeps the 1 MB case above the file size limit (so it tests what it says)', () => {
    const big = cases.find((entry) => entry.name === 'a 1 MB file')?.content ?? ''
    expect(Buffer.byteLength(big)).toBeGreaterThan(Math.max(2 ** 20, MAX_FILE_BYTES))
  })
})

// Issue 11, cases 1 and 2: markdown the lint used to call clean (or skip)
// that then stopped or stalled the build. Each must now get a diagnostic from
// the named rule, within the worker's heap limit.
const nested = (n: number): string => `${'*a '.repeat(n)}b${' a*'.repeat(n)}`
const runs = (length: number, count: number): string =>
  `${`${'*'.repeat(length)}a `.repeat(count)}b${` a${'*'.repeat(length)}`.repeat(count)}`
// The valid step with its closing fence written another way (or left out).
const withClosingFence = (fence: string | undefined, markdown: string): string => {
  const text = withBody(markdown)
  const end = text.indexOf('\n---\n', 4)
  return `${text.slice(0, end + 1)}${fence === undefined ? '' : `${fence}\n`}${text.slice(end + 5)}`
}
// Flat emphasis (no nesting) in chunks of 40 runs, joined by lines of
// no-break spaces: not blank to the parser, so one paragraph of 120 runs.
const noBreakSpaceLines = Array.from({length: 3}, () => '*a* '.repeat(20)).join('\n\u00a0\u00a0\n')

const issueCases: ReadonlyArray<{name: string; content: string; ruleId: string}> = [
  {name: '14 runs of 32 `*` (the 477-byte case that stopped tsc)', content: withBody(runs(32, 7)), ruleId: 'nesting-depth'},
  {name: '8 runs of 16 `*`, strong emphasis 32 levels deep', content: withBody(runs(16, 4)), ruleId: 'nesting-depth'},
  {name: 'emphasis, strong and strikethrough 9 levels deep', content: withBody('*a **b ~~c *d **e ~~f *g **h ~~i~~ h** g* f~~ e** d* c~~ b** a*'), ruleId: 'nesting-depth'},
  {name: 'emphasis and strikethrough inside a link, 9 levels deep', content: withBody('[*a **b ~~c *d **e ~~f *g **h** g* f~~ e** d* c~~ b** a*](https://example.com)'), ruleId: 'nesting-depth'},
  {name: 'lines of no-break spaces, which do not end a paragraph', content: withBody(noBreakSpaceLines), ruleId: 'nesting-depth'},
  ...[1000, 1500].map((n) => ({name: `a \`--- \` closing fence, then ${n} nested \`*\` runs`, content: withClosingFence('--- ', nested(n)), ruleId: 'nesting-depth'})),
  ...[4000, 6000].map((n) => ({name: `a \`--- \` closing fence, then ${n} nested \`*\` runs (too large a file first)`, content: withClosingFence('--- ', nested(n)), ruleId: 'file-format'})),
  {name: 'a `---<tab>` closing fence, then 1000 nested `*` runs', content: withClosingFence('---\t', nested(1000)), ruleId: 'nesting-depth'},
  {name: 'front matter that never closes, then 1000 nested `*` runs', content: withClosingFence(undefined, nested(1000)), ruleId: 'nesting-depth'},
]

describe('hostile content the lint used to miss (issue 11)', () => {
  let worker: PipelineWorker
  beforeAll(async () => {
    worker = await startPipelineWorker()
  })
  afterAll(async () => {
    await worker.close()
  })

  it.each(issueCases)(`$name: a $ruleId error within ${HEAP_MB} MB of heap`, async ({content, ruleId}) => {
    const directory = await materializeWith({[STEP_FILE]: content})
    try {
      const reply = await worker.build(directory)
      expect(reply.thrown).toBeUndefined()
      expect(reply.built).toBe(false)
      expect(reply.diagnostics.length).toBeGreaterThan(0)
      for (const diagnostic of reply.diagnostics) expect(diagnostic).toMatchObject({file: STEP_FILE, ruleId, fatal: true})
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })

  it('keeps the `--- ` cases meaningful: the parser does close front matter on those fences', async () => {
    const {parseMarkdown} = await import('../pipeline/index.js')
    for (const fence of ['--- ', '---\t']) {
      expect(parseMarkdown(withClosingFence(fence, 'text')).children[0]?.type).toBe('yaml')
    }
    expect(parseMarkdown(withClosingFence(undefined, 'text')).children[0]?.type).not.toBe('yaml')
  })
})

// Issue 22, item 2: a line's nesting hides from the pre-parse bound behind a
// prefix it did not know (a footnote definition), and the parser then takes
// a minute and hundreds of MB, or overflows its stack. Every container a line
// can open counts, in any order.
const openers = ['- ', '> ', '1. ', '[^a]: ', '[^a\\]b]: ']
const prefixCases: ReadonlyArray<{name: string; content: string; reason?: RegExp}> = [
  {name: '`[^a]: ` then 7 700 `- `', content: withBody(`[^a]: ${'- '.repeat(7700)}deep`)},
  {name: '`[^a]: ` then 7 500 `> `', content: withBody(`[^a]: ${'> '.repeat(7500)}deep`)},
  {name: '`- [^a]: ` then 5 000 `> `', content: withBody(`- [^a]: ${'> '.repeat(5000)}deep`)},
  {name: '9 footnote definitions in a row', content: withBody(`${'[^a]: '.repeat(9)}deep`)},
  {name: 'every opener in turn, 2 000 of them', content: withBody(`${Array.from({length: 2000}, (_, i) => openers[i % openers.length]).join('')}deep`)},
  // Four spaces continue every footnote definition open, so each line nests
  // deeper than the one before, though none opens more than 8 levels itself.
  {name: '180 indented lines of 6 footnote definitions', content: withBody(`[^z]: x\n\n${'    [^a]:[^a]:[^a]:[^a]:[^a]:[^a]: x\n\n'.repeat(180)}`), reason: /^Expected at most 8 footnote definitions in a file, found \d+$/},
  // Indentation after a marker continues the lists opened on earlier lines.
  // Counted on the line (15), not found after parsing (281 in the tree).
  {name: '40 lines each nesting lists 7 deeper after a `>`', content: withBody(Array.from({length: 40}, (_, i) => `>${' '.repeat(14 * i + 1)}${'- '.repeat(7)}x`).join('\n')), reason: /^Expected at most 8 levels of nesting, found 15$/},
]

describe('nesting behind any line prefix (issue 22)', () => {
  let worker: PipelineWorker
  beforeAll(async () => {
    worker = await startPipelineWorker()
  })
  afterAll(async () => {
    await worker.close()
  })

  it.each(prefixCases)(`$name: refused before parsing, within ${HEAP_MB} MB of heap`, async ({content, reason = /^Expected at most 8 levels of nesting, found \d+$/}) => {
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(MAX_FILE_BYTES)
    const directory = await materializeWith({[STEP_FILE]: content})
    try {
      const reply = await worker.build(directory)
      expect(reply.thrown).toBeUndefined()
      expect(reply.built).toBe(false)
      expect(reply.diagnostics).toEqual([
        expect.objectContaining({file: STEP_FILE, ruleId: 'nesting-depth', fatal: true, reason: expect.stringMatching(reason)}),
      ])
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })
})
