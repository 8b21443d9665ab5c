import {readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {GuideValidationError, assertGuide, guide, isGuideError, parseGuide, validateGuide} from '../src/index.js'
import {SOURCE_LOCALE} from '../src/generated/locales.js'
import {ROOT, require, thrown} from './helpers.js'

const json = JSON.parse(readFileSync(require.resolve('ace-second-interview/guide.json'), 'utf8')) as unknown
const schema = JSON.parse(readFileSync(path.join(ROOT, 'dist/schema.json'), 'utf8')) as object
const ajvValidate = new Ajv2020({allErrors: true, strict: true}).compile(schema)

type Mutable = {[key: string]: any}
const copy = (): Mutable => structuredClone(json) as Mutable
// Index of the last step, whatever the content's step count.
const LAST = (json as {steps: unknown[]}).steps.length - 1

// Each corruption breaks a copy of guide.json in one way that the JSON Schema can see.
const corruptions: ReadonlyArray<{name: string; corrupt: (g: Mutable) => void; code: string; path: (string | number)[]}> = [
  {name: 'missing title', corrupt: (g) => delete g['title'], code: 'ERR_GUIDE_MISSING_PROPERTY', path: ['title']},
  {name: 'empty title', corrupt: (g) => (g['title'] = ''), code: 'ERR_GUIDE_TOO_SMALL', path: ['title']},
  {name: 'version not semver', corrupt: (g) => (g['version'] = 'v1'), code: 'ERR_GUIDE_PATTERN', path: ['version']},
  {name: 'schemaVersion as string', corrupt: (g) => (g['schemaVersion'] = '1'), code: 'ERR_GUIDE_TYPE', path: ['schemaVersion']},
  {name: 'unknown top-level key', corrupt: (g) => (g['extra'] = true), code: 'ERR_GUIDE_UNKNOWN_PROPERTY', path: ['extra']},
  {name: 'rounds.to as string', corrupt: (g) => (g['rounds'].to = 'later'), code: 'ERR_GUIDE_TYPE', path: ['rounds', 'to']},
  {name: 'rounds.from 0', corrupt: (g) => (g['rounds'].from = 0), code: 'ERR_GUIDE_TOO_SMALL', path: ['rounds', 'from']},
  {name: 'steps not an array', corrupt: (g) => (g['steps'] = {}), code: 'ERR_GUIDE_TYPE', path: ['steps']},
  {name: 'no steps', corrupt: (g) => (g['steps'] = []), code: 'ERR_GUIDE_TOO_SMALL', path: ['steps']},
  {name: 'step number as float', corrupt: (g) => (g['steps'][1].number = 1.5), code: 'ERR_GUIDE_TYPE', path: ['steps', 1, 'number']},
  {name: 'step id with spaces', corrupt: (g) => (g['steps'][0].id = 'have confidence'), code: 'ERR_GUIDE_PATTERN', path: ['steps', 0, 'id']},
  {name: 'body paragraph not a string', corrupt: (g) => (g['steps'][1].body[0] = 42), code: 'ERR_GUIDE_TYPE', path: ['steps', 1, 'body', 0]},
  {name: 'empty checklist', corrupt: (g) => (g['steps'][LAST].checklist = []), code: 'ERR_GUIDE_TOO_SMALL', path: ['steps', LAST, 'checklist']},
  {name: 'item without text', corrupt: (g) => delete g['steps'][1].checklist[0].text, code: 'ERR_GUIDE_MISSING_PROPERTY', path: ['steps', 1, 'checklist', 0, 'text']},
  {name: 'item hash too short', corrupt: (g) => (g['steps'][LAST].checklist[1].hash = 'abc'), code: 'ERR_GUIDE_PATTERN', path: ['steps', LAST, 'checklist', 1, 'hash']},
  {name: 'item with an extra key', corrupt: (g) => (g['steps'][0].checklist[0].done = true), code: 'ERR_GUIDE_UNKNOWN_PROPERTY', path: ['steps', 0, 'checklist', 0, 'done']},
  {name: 'no locale', corrupt: (g) => delete g['locale'], code: 'ERR_GUIDE_MISSING_PROPERTY', path: ['locale']},
  {name: 'locale not a language tag', corrupt: (g) => (g['locale'] = 'en_GB'), code: 'ERR_GUIDE_PATTERN', path: ['locale']},
  {name: 'introduction without translation', corrupt: (g) => delete g['introduction'].translation, code: 'ERR_GUIDE_MISSING_PROPERTY', path: ['introduction', 'translation']},
  {name: 'step translation not a known status', corrupt: (g) => (g['steps'][0].translation = 'stale'), code: 'ERR_GUIDE_PATTERN', path: ['steps', 0, 'translation']},
  {name: 'item without locale', corrupt: (g) => delete g['steps'][1].checklist[0].locale, code: 'ERR_GUIDE_MISSING_PROPERTY', path: ['steps', 1, 'checklist', 0, 'locale']},
]

// Rules beyond what JSON Schema can express; only validateGuide sees these.
const inconsistencies: ReadonlyArray<{name: string; corrupt: (g: Mutable) => void; code: string; path: (string | number)[]}> = [
  {name: 'steps out of order', corrupt: (g) => g['steps'].reverse(), code: 'ERR_GUIDE_STEP_NUMBER', path: ['steps', 0, 'number']},
  {name: 'duplicate step id', corrupt: (g) => (g['steps'][1].id = g['steps'][0].id), code: 'ERR_GUIDE_DUPLICATE_ID', path: ['steps', 1, 'id']},
  {name: 'item stepId not its step', corrupt: (g) => (g['steps'][1].checklist[0].stepId = g['steps'][0].id), code: 'ERR_GUIDE_MISMATCH', path: ['steps', 1, 'checklist', 0, 'stepId']},
  {name: 'rounds.to below from', corrupt: (g) => (g['rounds'].to = 1), code: 'ERR_GUIDE_ROUNDS', path: ['rounds']},
  {name: 'schemaVersion an unsafe integer', corrupt: (g) => (g['schemaVersion'] = 2 ** 60), code: 'ERR_GUIDE_TYPE', path: ['schemaVersion']},
  {name: "an item's rounds outside the guide's", corrupt: (g) => (g['steps'][0].checklist[0].rounds = {from: 1, to: 1}), code: 'ERR_GUIDE_ROUNDS', path: ['steps', 0, 'checklist', 0, 'rounds']},
  {name: "an item's stepNumber not its step's", corrupt: (g) => (g['steps'][1].checklist[0].stepNumber = 1), code: 'ERR_GUIDE_MISMATCH', path: ['steps', 1, 'checklist', 0, 'stepNumber']},
  {name: 'a fallback in the guide\'s own locale', corrupt: (g) => (g['steps'][0].translation = 'fallback'), code: 'ERR_GUIDE_MISMATCH', path: ['steps', 0, 'locale']},
  {name: 'a translated text in another locale than the guide\'s', corrupt: (g) => (g['steps'][1].checklist[0].locale = g['locale'] === 'fr' ? 'de' : 'fr'), code: 'ERR_GUIDE_MISMATCH', path: ['steps', 1, 'checklist', 0, 'locale']},
]

describe('guide.json and schema.json', () => {
  it('guide.json is the guide, and valid against schema.json (checked by Ajv)', () => {
    expect(json).toEqual(guide)
    expect(ajvValidate(json), JSON.stringify(ajvValidate.errors)).toBe(true)
  })

  it.each(corruptions)('the schema rejects a copy with $name; validateGuide agrees', ({corrupt, code, path}) => {
    const broken = copy()
    corrupt(broken)
    expect(ajvValidate(broken)).toBe(false)
    expect(validateGuide(broken)).toContainEqual(expect.objectContaining({code, path}))
  })

  it.each(inconsistencies)('validateGuide rejects a copy with $name', ({corrupt, code, path}) => {
    const broken = copy()
    corrupt(broken)
    expect(validateGuide(broken)).toContainEqual(expect.objectContaining({code, path}))
  })

  it('is exported as subpaths (the guide as the source locale\'s guide.json, which the build writes once)', () => {
    const pkg = require(path.join(ROOT, 'package.json')) as {exports: Record<string, unknown>; typesVersions: Record<string, Record<string, string[]>>}
    expect(pkg.exports['./guide.json']).toBe(`./dist/locales/${SOURCE_LOCALE}/guide.json`)
    expect(pkg.typesVersions['*']?.['guide.json']).toEqual([`./dist/locales/${SOURCE_LOCALE}/guide.json`])
    expect(pkg.exports['./schema.json']).toBe('./dist/schema.json')
  })
})

describe('validateGuide', () => {
  it('finds no problem in the shipped guide', () => {
    expect(validateGuide(guide)).toEqual([])
  })

  // Throws a value that itself throws when inspected.
  const hostileThrow = new Proxy({}, {get() { throw new Error('trap') }, getPrototypeOf() { throw new Error('trap') }})
  const garbage = [null, undefined, [], [guide], 'guide', 42, {}, new Map(), new Proxy({}, {ownKeys() { throw new Error('trap') }}), {get title(): never { throw hostileThrow }}]
  it.each(garbage.map((value) => [String(value), value]))('returns problems for %s, never throws', (_name, value) => {
    const problems = validateGuide(value)
    expect(problems.length).toBeGreaterThan(0)
    for (const problem of problems) {
      expect(problem.code).toMatch(/^ERR_GUIDE_/)
      expect(Array.isArray(problem.path)).toBe(true)
      expect(problem.message).toMatch(/expected/)
    }
  })

  it('never throws on arbitrary values, and accepts nothing but guides (property)', () => {
    fc.assert(
      fc.property(fc.anything({withBigInt: true, withMap: true, withSet: true, withNullPrototype: true, withBoxedValues: true}), (value) => {
        expect(validateGuide(value).length).toBeGreaterThan(0)
      }),
      {numRuns: 1000},
    )
  })

  it('lists at most 100 problems for a huge garbage array', () => {
    const broken = copy()
    broken['steps'] = Array.from({length: 10_000}, () => 'x')
    expect(validateGuide(broken)).toHaveLength(100)
  })
})

describe('assertGuide', () => {
  it('accepts the shipped guide and its JSON copy', () => {
    expect(() => assertGuide(guide)).not.toThrow()
    expect(() => assertGuide(json)).not.toThrow()
  })

  it('throws one coded error listing every problem', () => {
    const broken = copy()
    delete broken['title']
    broken['version'] = 'v1'
    const error = thrown(() => assertGuide(broken))
    expect(error).toBeInstanceOf(GuideValidationError)
    expect(error).toBeInstanceOf(TypeError)
    expect(isGuideError(error)).toBe(true)
    const {code, problems, message} = error as GuideValidationError
    expect(code).toBe('ERR_INVALID_GUIDE')
    expect(problems.map((p) => p.code).sort()).toEqual(['ERR_GUIDE_MISSING_PROPERTY', 'ERR_GUIDE_PATTERN'])
    expect(message).toContain('assertGuide(value): expected a valid guide, found 2 problems')
    expect(message).toContain('title: expected property "title", found none')
  })
})

// Issue 10 (item 4) and issue 11 (items 4 and 9): every problem in one call,
// read once, plain data only, frozen results, safe characters.
describe('validateGuide reports every problem, each at its own path', () => {
  const codesAt = (problems: readonly {code: string; path: readonly (string | number)[]}[]) =>
    problems.map((problem) => `${problem.code} ${JSON.stringify(problem.path)}`)

  it('reports a throwing getter at its own path and keeps walking', () => {
    const broken = copy()
    broken['title'] = ''
    Object.defineProperty(broken['steps'][2].checklist[1], 'text', {enumerable: true, get() { throw new Error('boom') }})
    const seen = codesAt(validateGuide(broken))
    expect(seen).toContain('ERR_GUIDE_TOO_SMALL ["title"]')
    expect(seen.some((entry) => entry.endsWith('["steps",2,"checklist",1,"text"]'))).toBe(true)
    expect(seen.some((entry) => entry.endsWith('[]'))).toBe(false)
  })

  it('reports a revoked proxy at its own path and keeps walking', () => {
    const broken = copy()
    const {proxy, revoke} = Proxy.revocable({}, {})
    revoke()
    broken['steps'][3] = proxy
    broken['version'] = 'v1'
    const seen = codesAt(validateGuide(broken))
    expect(seen).toContain('ERR_GUIDE_UNREADABLE ["steps",3]')
    expect(seen).toContain('ERR_GUIDE_PATTERN ["version"]')
  })

  it('runs the consistency checks even when the schema found problems elsewhere', () => {
    const broken = copy()
    delete broken['title']
    broken['steps'][1].number = broken['steps'][0].number
    const seen = codesAt(validateGuide(broken))
    expect(seen).toContain('ERR_GUIDE_MISSING_PROPERTY ["title"]')
    expect(seen).toContain('ERR_GUIDE_STEP_NUMBER ["steps",1,"number"]')
  })

  it('rejects an unsupported schemaVersion with its own code', () => {
    const broken = copy()
    broken['schemaVersion'] = guide.schemaVersion + 998
    expect(codesAt(validateGuide(broken))).toEqual(['ERR_GUIDE_SCHEMA_VERSION ["schemaVersion"]'])
  })

  it.each(['1.0.0-rc.1+build', '2.3.4-alpha', '1.0.0+20261126', '0.0.1-0.a.b-c'])('accepts the semver version %s', (version) => {
    const ok = copy()
    ok['version'] = version
    ok['steps'][0].since = version
    expect(validateGuide(ok)).toEqual([])
  })

  it.each(['1.0', '01.0.0', '1.0.0-', '1.0.0-01', '1.0.0+', 'v1.0.0'])('rejects the version %s', (version) => {
    const broken = copy()
    broken['version'] = version
    expect(codesAt(validateGuide(broken))).toEqual(['ERR_GUIDE_PATTERN ["version"]'])
  })

  it('stops walking at the cap: a million bad steps cost no more than a hundred', () => {
    const small = copy()
    small['steps'] = Array.from({length: 200}, () => ({}))
    const huge = copy()
    huge['steps'] = Array.from({length: 1_000_000}, () => ({}))
    // Reading only as far as the cap: a proxy counts the reads.
    let reads = 0
    const counted = copy()
    counted['steps'] = new Proxy(Array.from({length: 1_000_000}, () => ({})), {
      getOwnPropertyDescriptor(target, key) {
        reads++
        return Reflect.getOwnPropertyDescriptor(target, key)
      },
    })
    expect(validateGuide(huge)).toEqual(validateGuide(small))
    expect(validateGuide(counted)).toHaveLength(100)
    expect(reads).toBeLessThan(1_000)
  })
})

describe('validateGuide reads plain data only, once', () => {
  it('reads every value once: a getter cannot pass a clean value and then a hostile one', () => {
    const tricky = copy()
    let reads = 0
    Object.defineProperty(tricky, 'title', {enumerable: true, get: () => (reads++ === 0 ? guide.title : '<img src=x onerror=alert(1)>')})
    expect(validateGuide(tricky)).toContainEqual(expect.objectContaining({code: 'ERR_GUIDE_NOT_PLAIN', path: ['title']}))
    expect(() => assertGuide(tricky)).toThrow(GuideValidationError)
    expect(reads).toBe(0)
  })

  it('parseGuide returns a frozen snapshot that later changes to the input cannot reach', () => {
    const data = copy()
    const parsed = parseGuide(data)
    expect(parsed).toEqual(guide)
    expect(Object.isFrozen(parsed.steps[0]?.checklist[0])).toBe(true)
    data['steps'][0].title = '<img src=x onerror=alert(1)>'
    expect(parsed.steps[0]?.title).toBe(guide.steps[0]?.title)
  })

  it('parseGuide sees what a lying proxy returned once, never a second read', () => {
    let reads = 0
    const data = copy()
    const step = data['steps'][0]
    data['steps'][0] = new Proxy(step, {
      get(target, key, receiver) {
        if (key === 'title') return reads++ === 0 ? step.title : '<img src=x onerror=alert(1)>'
        return Reflect.get(target, key, receiver)
      },
      getOwnPropertyDescriptor(target, key) {
        const descriptor = Reflect.getOwnPropertyDescriptor(target, key)
        if (key === 'title' && descriptor !== undefined) return {...descriptor, value: reads++ === 0 ? step.title : '<img src=x onerror=alert(1)>'}
        return descriptor
      },
    })
    const parsed = parseGuide(data)
    expect(parsed.steps[0]?.title).toBe(step.title)
    expect(parsed.steps[0]?.title).toBe(parsed.steps[0]?.title)
  })

  const notPlain: ReadonlyArray<{name: string; corrupt: (g: Mutable) => void; path: (string | number)[]}> = [
    {name: 'an array without Array.prototype', corrupt: (g) => Object.setPrototypeOf(g['steps'][0].body, Object.prototype), path: ['steps', 0, 'body']},
    {name: 'an array with a null prototype', corrupt: (g) => Object.setPrototypeOf(g['steps'], null), path: ['steps']},
    {name: 'an array with an extra property', corrupt: (g) => (g['steps'][1].checklist.extra = 1), path: ['steps', 1, 'checklist', 'extra']},
    {name: 'an array with a hole', corrupt: (g) => delete g['steps'][0].body[0], path: ['steps', 0, 'body', 0]},
    {name: 'a symbol key', corrupt: (g) => (g['rounds'][Symbol('x')] = 1), path: ['rounds']},
    {name: 'a class instance', corrupt: (g) => (g['introduction'] = Object.assign(new (class Intro {})(), g['introduction'])), path: ['introduction']},
    {name: 'a getter', corrupt: (g) => Object.defineProperty(g['steps'][0], 'summary', {enumerable: true, get: () => 'x'}), path: ['steps', 0, 'summary']},
  ]
  it.each(notPlain)('rejects $name', ({corrupt, path}) => {
    const broken = copy()
    corrupt(broken)
    expect(validateGuide(broken)).toContainEqual(expect.objectContaining({code: 'ERR_GUIDE_NOT_PLAIN', path}))
  })

  it('freezes the problems it returns, and GuideValidationError.problems', () => {
    const broken = copy()
    broken['title'] = ''
    const problems = validateGuide(broken)
    expect(Object.isFrozen(problems)).toBe(true)
    expect(Object.isFrozen(problems[0])).toBe(true)
    expect(Object.isFrozen(problems[0]?.path)).toBe(true)
    const error = thrown(() => assertGuide(broken)) as GuideValidationError
    expect(Object.isFrozen(error.problems)).toBe(true)
    expect(Object.isFrozen(error.problems[0])).toBe(true)
  })

  it('clips what it quotes: 100 unknown keys of 1 MB give short messages', () => {
    const broken = copy()
    for (let index = 0; index < 100; index++) broken[`${String(index).padStart(3, '0')}${'k'.repeat(1_000_000)}`] = 1
    const problems = validateGuide(broken)
    expect(problems).toHaveLength(100)
    // The path names the key exactly (the same string, not a copy); messages quote it clipped.
    const total = problems.reduce((sum, problem) => sum + problem.message.length, 0)
    expect(total).toBeLessThan(100 * 400)
  })
})

describe('validateGuide rejects unsafe characters in strings', () => {
  const unsafe = [
    ['ESC (C0)', '\u001b[2J'],
    ['BEL (C0)', 'a\u0007'],
    ['NUL (C0)', 'a\u0000b'],
    ['carriage return', 'a\rb'],
    ['DEL', 'a\u007f'],
    ['CSI (C1)', 'a\u009b'],
    ['right-to-left override', 'a\u202eb'],
    ['left-to-right isolate', 'a\u2066b'],
    ['zero-width space', 'a\u200bb'],
    ['zero-width joiner', 'a\u200db'],
    ['byte order mark', '\ufeffa'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', 'a\udc00b'],
  ] as const
  const fields: ReadonlyArray<{name: string; set: (g: Mutable, value: string) => void; path: (string | number)[]}> = [
    {name: 'the title', set: (g, value) => (g['title'] = value), path: ['title']},
    {name: 'a summary', set: (g, value) => (g['steps'][0].summary = value), path: ['steps', 0, 'summary']},
    {name: 'a body paragraph', set: (g, value) => (g['steps'][1].body[0] = value), path: ['steps', 1, 'body', 0]},
    {name: "an item's text", set: (g, value) => (g['steps'][2].checklist[0].text = value), path: ['steps', 2, 'checklist', 0, 'text']},
    {name: 'an introduction paragraph', set: (g, value) => (g['introduction'].body[0] = value), path: ['introduction', 'body', 0]},
  ]
  const cases = unsafe.flatMap(([what, value]) => fields.map((field) => ({what, value, ...field})))
  it.each(cases)('rejects $what in $name', ({value, set, path}) => {
    const broken = copy()
    set(broken, value)
    expect(validateGuide(broken)).toContainEqual(expect.objectContaining({code: 'ERR_GUIDE_CHARACTER', path}))
  })

  it.each([
    ['an emoji (a surrogate pair)', 'Smile 🙂'],
    ['accented letters', 'Résumé, naïve'],
    ['a tab', 'a\tb'],
  ])('accepts %s', (_what, value) => {
    const ok = copy()
    ok['steps'][1].body[0] = value
    expect(validateGuide(ok)).toEqual([])
  })

  it('accepts a newline in a paragraph but not in a title', () => {
    const ok = copy()
    ok['steps'][1].body[0] = 'one\ntwo'
    expect(validateGuide(ok)).toEqual([])
    const broken = copy()
    broken['title'] = 'one\ntwo'
    expect(validateGuide(broken)).toContainEqual(expect.objectContaining({code: 'ERR_GUIDE_CHARACTER', path: ['title']}))
  })
})

describe('isGuideError', () => {
  it.each([
    ['a brand without a code', {[Symbol.for('ace-second-interview.error')]: true}],
    ['a brand with a numeric code', {[Symbol.for('ace-second-interview.error')]: true, code: 1}],
    ['a plain error with a code', Object.assign(new Error('x'), {code: 'ERR_STEP_OUT_OF_RANGE'})],
  ])('is false for %s', (_name, value) => {
    expect(isGuideError(value)).toBe(false)
  })
})
