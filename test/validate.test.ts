import {readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {GuideValidationError, assertGuide, guide, isGuideError, validateGuide} from '../src/index.js'
import {ROOT, require, thrown} from './helpers.js'

const json = JSON.parse(readFileSync(path.join(ROOT, 'dist/guide.json'), 'utf8')) as unknown
const schema = JSON.parse(readFileSync(path.join(ROOT, 'dist/schema.json'), 'utf8')) as object
const ajvValidate = new Ajv2020({allErrors: true, strict: true}).compile(schema)

type Mutable = {[key: string]: any}
const copy = (): Mutable => structuredClone(json) as Mutable

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
  {name: 'step number as float', corrupt: (g) => (g['steps'][2].number = 3.5), code: 'ERR_GUIDE_TYPE', path: ['steps', 2, 'number']},
  {name: 'step id with spaces', corrupt: (g) => (g['steps'][0].id = 'have confidence'), code: 'ERR_GUIDE_PATTERN', path: ['steps', 0, 'id']},
  {name: 'body paragraph not a string', corrupt: (g) => (g['steps'][1].body[0] = 42), code: 'ERR_GUIDE_TYPE', path: ['steps', 1, 'body', 0]},
  {name: 'empty checklist', corrupt: (g) => (g['steps'][3].checklist = []), code: 'ERR_GUIDE_TOO_SMALL', path: ['steps', 3, 'checklist']},
  {name: 'item without text', corrupt: (g) => delete g['steps'][4].checklist[0].text, code: 'ERR_GUIDE_MISSING_PROPERTY', path: ['steps', 4, 'checklist', 0, 'text']},
  {name: 'item hash too short', corrupt: (g) => (g['steps'][5].checklist[1].hash = 'abc'), code: 'ERR_GUIDE_PATTERN', path: ['steps', 5, 'checklist', 1, 'hash']},
  {name: 'item with an extra key', corrupt: (g) => (g['steps'][0].checklist[0].done = true), code: 'ERR_GUIDE_UNKNOWN_PROPERTY', path: ['steps', 0, 'checklist', 0, 'done']},
]

// Rules beyond what JSON Schema can express; only validateGuide sees these.
const inconsistencies: ReadonlyArray<{name: string; corrupt: (g: Mutable) => void; code: string; path: (string | number)[]}> = [
  {name: 'steps out of order', corrupt: (g) => g['steps'].reverse(), code: 'ERR_GUIDE_STEP_NUMBER', path: ['steps', 0, 'number']},
  {name: 'duplicate step id', corrupt: (g) => (g['steps'][1].id = g['steps'][0].id), code: 'ERR_GUIDE_DUPLICATE_ID', path: ['steps', 1, 'id']},
  {name: 'item stepId not its step', corrupt: (g) => (g['steps'][1].checklist[0].stepId = 'be-specific'), code: 'ERR_GUIDE_MISMATCH', path: ['steps', 1, 'checklist', 0, 'stepId']},
  {name: 'rounds.to below from', corrupt: (g) => (g['rounds'].to = 1), code: 'ERR_GUIDE_ROUNDS', path: ['rounds']},
  {name: 'schemaVersion an unsafe integer', corrupt: (g) => (g['schemaVersion'] = 2 ** 60), code: 'ERR_GUIDE_TYPE', path: ['schemaVersion']},
  {name: "an item's rounds outside the guide's", corrupt: (g) => (g['steps'][0].checklist[0].rounds = {from: 1, to: 1}), code: 'ERR_GUIDE_ROUNDS', path: ['steps', 0, 'checklist', 0, 'rounds']},
  {name: "an item's stepNumber not its step's", corrupt: (g) => (g['steps'][2].checklist[0].stepNumber = 1), code: 'ERR_GUIDE_MISMATCH', path: ['steps', 2, 'checklist', 0, 'stepNumber']},
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

  it('is exported as subpaths', () => {
    const pkg = require(path.join(ROOT, 'package.json')) as {exports: Record<string, unknown>}
    expect(pkg.exports['./guide.json']).toBe('./dist/guide.json')
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
