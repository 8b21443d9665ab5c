import {rm} from 'node:fs/promises'
import {describe, expect, it} from 'vitest'
import {buildGuide, diagnostics} from '../pipeline/index.js'
import {MAX_FILE_BYTES} from '../pipeline/limits.js'
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
  {name: '5 000 lines of block quotes, then one 9 deep', content: withBody(`${'> > x\n'.repeat(5000)}${'> '.repeat(9)}deep`), ruleId: 'nesting-depth'},
  {name: '5 000 nested list markers on one line', content: withBody(`${'- '.repeat(5000)}deep`), ruleId: 'nesting-depth'},
  {name: '5 000 nested ordered list markers', content: withBody(`${'1. '.repeat(5000)}deep`), ruleId: 'nesting-depth'},
  {name: '300 list levels by indentation', content: withBody(indentedList(300)), ruleId: 'nesting-depth'},
  {name: '5 000 list levels by indentation (too large a file first)', content: withBody(indentedList(5000)), ruleId: 'file-format'},
  {name: 'a run of 20 000 `*`', content: withBody('*'.repeat(20_000)), ruleId: 'nesting-depth'},
  {name: '20 000 `*` runs nesting emphasis', content: withBody(`${'*a '.repeat(10_000)}${'a* '.repeat(10_000)}`), ruleId: 'nesting-depth'},
  {name: '10 000 alternating `*` and `_` runs over many lines', content: withBody(Array.from({length: 10_000}, (_, i) => (i % 2 === 0 ? '*a' : '_a')).join('\n')), ruleId: 'nesting-depth'},
  {name: '20 000 `[`', content: withBody('[a '.repeat(20_000)), ruleId: 'nesting-depth'},
]

describe('hostile content', () => {
  it.each(cases)('$name: stops the build with a $ruleId error, throws nothing, leaves Object.prototype alone', async ({content, ruleId}) => {
    const prototypeKeys = Reflect.ownKeys(Object.prototype)
    const directory = await materializeWith({[STEP_FILE]: content})
    try {
      const result = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory})
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

  it('keeps the 1 MB case above the file size limit (so it tests what it says)', () => {
    const big = cases.find((entry) => entry.name === 'a 1 MB file')?.content ?? ''
    expect(Buffer.byteLength(big)).toBeGreaterThan(Math.max(2 ** 20, MAX_FILE_BYTES))
  })
})
