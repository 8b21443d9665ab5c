import {describe, expect, it} from 'vitest'
import * as api from '../src/index.js'
import {type RoundRange, type StepId, type StepNumber, checklistForRound, getStep, getStepById, guide, listSteps, roundHeading} from '../src/index.js'
import {thrown} from './helpers.js'
import {expectedText} from './ordinal-tables.js'
import {CONTENT} from './shipped-content.js'


describe('public api', () => {
  it('exposes exactly these runtime exports (no default export)', () => {
    expect(Object.keys(api).sort()).toEqual([
      'GuideRangeError',
      'GuideTypeError',
      'GuideValidationError',
      'assertGuide',
      'changesSince',
      'checklistForRound',
      'getStep',
      'getStepById',
      'guide',
      'isChecklistItemId',
      'isGuideError',
      'isRound',
      'isStepId',
      'isStepNumber',
      'listSteps',
      'loadLocale',
      'locales',
      'migrateProgress',
      'parseGuide',
      'progressForRound',
      'releases',
      'resolveLocale',
      'roundHeading',
      'validateGuide',
    ])
  })

  it('is the locale API (what every ace-second-interview/locales/<tag> exports) plus the locale calls and the validator', async () => {
    const localeApi = await import('../src/generated/source.js')
    const extra = ['GuideValidationError', 'assertGuide', 'loadLocale', 'locales', 'parseGuide', 'resolveLocale', 'validateGuide']
    expect(Object.keys(api).filter((name) => !extra.includes(name)).sort()).toEqual(Object.keys(localeApi).sort())
  })
})

describe('guide', () => {
  it('has the title, semver version, schema version and covered rounds of content/', () => {
    expect(guide.title).toBe(CONTENT.title)
    expect(guide.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(guide.schemaVersion).toBe(3)
    expect(guide.locale).toBe(CONTENT.locale)
    expect(guide.rounds).toEqual(CONTENT.rounds)
    expect(guide.introduction.body.length).toBeGreaterThan(0)
  })
})

// Each step's number, id and title as content/steps/*.md write them.
const steps = CONTENT.steps.map(({number, id, title}) => ({number, id, title}))

describe('getStep, getStepById, listSteps', () => {
  it.each(steps)('step $number is "$title" ($id)', ({number, id, title}) => {
    const step = getStep(number as StepNumber)
    expect(step.number).toBe(number)
    expect(step.id).toBe(id)
    expect(step.title).toBe(title)
    expect(getStepById(id as StepId)).toBe(step)
    expect(listSteps()[number - 1]).toBe(step)
  })

  it('lists the steps in order, as guide.steps', () => {
    expect(listSteps()).toBe(guide.steps)
    expect(listSteps().map((step) => step.number)).toEqual(steps.map((_, index) => index + 1))
  })

  it("renders getStep(n).checklist for each item's own first round and keeps the template", () => {
    for (const step of listSteps()) {
      for (const item of step.checklist) {
        expect(item.text).toBe(expectedText(item.template, item.rounds.from, item.locale))
        expect(item.stepId).toBe(step.id)
        expect(item.stepNumber).toBe(step.number)
      }
    }
  })

  it('gives every step and item a 12-digit hash and a since version', () => {
    for (const step of listSteps()) {
      expect(step.hash).toMatch(/^[0-9a-f]{12}$/)
      expect(step.since).toMatch(/^\d+\.\d+\.\d+$/)
      for (const item of step.checklist) {
        expect(item.hash).toMatch(/^[0-9a-f]{12}$/)
        expect(item.since).toMatch(/^\d+\.\d+\.\d+$/)
      }
    }
  })
})

describe('checklistForRound', () => {
  /** Rounds to try: the guide's first, each item's first and last and the one after, and far ones. */
  const ROUNDS = [
    ...new Set([
      guide.rounds.from,
      ...listSteps().flatMap((step) => step.checklist.flatMap(({rounds}) => [rounds.from, ...(rounds.to === null ? [] : [rounds.to, rounds.to + 1])])),
      10,
      112,
      Number.MAX_SAFE_INTEGER,
    ]),
  ].sort((a, b) => a - b)

  it.each(ROUNDS)('round %i: each item applying to it, in step order, its template rendered for that round', (round) => {
    const applies = (rounds: RoundRange) => rounds.from <= round && (rounds.to === null || round <= rounds.to)
    const expected = listSteps().flatMap((step) => step.checklist.filter((item) => applies(item.rounds)).map((item) => [step.number, step.id, item.id]))
    const items = checklistForRound(round)
    expect(items.map((item) => [item.stepNumber, item.stepId, item.id])).toEqual(expected)
    for (const item of items) expect(item.text).toBe(expectedText(item.template, round, item.locale))
  })

  it('keeps every field of the item but the rendered text', () => {
    const [first] = checklistForRound(5)
    const original = getStep(first!.stepNumber).checklist.find((item) => item.id === first!.id)
    expect({...first, text: original!.text}).toEqual(original)
  })

  it('is memoised: the same frozen array for the same round', () => {
    expect(checklistForRound(4)).toBe(checklistForRound(4))
    expect(checklistForRound(4)).not.toBe(checklistForRound(5))
  })

  it('caps the memo at 64 rounds: an evicted round is recomputed, equal but new', () => {
    // Files share this module (isolate: false): first push out whatever they computed.
    for (let round = 5000; round < 5064; round++) checklistForRound(round)
    const first = checklistForRound(7)
    for (let round = 1000; round < 1063; round++) checklistForRound(round)
    expect(checklistForRound(7)).toBe(first) // 63 newer rounds: still cached
    for (let round = 2000; round < 2064; round++) checklistForRound(round)
    const again = checklistForRound(7)
    expect(again).not.toBe(first)
    expect(again).toEqual(first)
  })

  it('keeps the rounds most recently asked for, not the ones first computed', () => {
    for (let round = 6000; round < 6064; round++) checklistForRound(round)
    const kept = checklistForRound(8)
    for (let round = 3000; round < 3100; round++) {
      checklistForRound(round)
      expect(checklistForRound(8)).toBe(kept) // asked for again after every other round
    }
  })

  it('still answers correctly after the memo has dropped old rounds', () => {
    const before = checklistForRound(2).map((item) => item.text)
    for (let round = 100; round < 300; round++) checklistForRound(round)
    expect(checklistForRound(2).map((item) => item.text)).toEqual(before)
  })

  it('accepts the largest safe integer (no upper bound)', () => {
    expect(() => checklistForRound(Number.MAX_SAFE_INTEGER)).not.toThrow()
  })

  it('refuses the first unsafe integer with a message that names the largest round', () => {
    expect(thrown(() => checklistForRound(Number.MAX_SAFE_INTEGER + 1))).toMatchObject({
      code: 'ERR_ROUND_OUT_OF_RANGE',
      message: expect.stringContaining(`at most ${Number.MAX_SAFE_INTEGER}, received type number (${Number.MAX_SAFE_INTEGER + 1})`),
    })
  })
})

describe('roundHeading', () => {
  it.each([guide.rounds.from, 3, 21, 112])('round %i: the labels\' heading, its ordinal as the content spells it', (round) => {
    expect(roundHeading(round)).toBe(expectedText(guide.labels.roundHeading, round, guide.introduction.locale))
  })

  it('checks the round as checklistForRound does', () => {
    expect(thrown(() => roundHeading(guide.rounds.from - 1))).toMatchObject({code: 'ERR_ROUND_OUT_OF_RANGE', message: expect.stringMatching(/^roundHeading\(r\): expected "r"/)})
    expect(thrown(() => roundHeading('3' as never))).toMatchObject({code: 'ERR_INVALID_ARG_TYPE'})
  })
})

// Issue 10 (item 3): guards narrow untrusted input without a cast, agree with
// the functions they guard, never coerce and never throw.
describe('type guards', () => {
  const itemIds = guide.steps.flatMap((step) => step.checklist.map((item) => item.id))
  const last = guide.steps.length
  const hostile = [
    undefined, null, true, {}, [], [1], () => 1, Symbol('1'), 1n, new Number(1), new String(guide.steps[0]!.id),
    {valueOf: () => 1, toString: () => guide.steps[0]!.id}, Object.create(null),
    new Proxy({}, {get() { throw new Error('trap') }, getPrototypeOf() { throw new Error('trap') }}),
    Number.NaN, Infinity, -Infinity, 2 ** 53, 1e21, '\x01'.repeat(1_000_000),
  ]
  const guards = [
    {name: 'isStepNumber', guard: api.isStepNumber, valid: guide.steps.map((step) => step.number), invalid: [0, -1, last + 1, 1.5, String(1), ` ${guide.steps[0]!.id}`], agrees: (value: never) => getStep(value)},
    {name: 'isStepId', guard: api.isStepId, valid: guide.steps.map((step) => step.id), invalid: [guide.steps[0]!.id.toUpperCase(), ` ${guide.steps[0]!.id}`, '__proto__', 'constructor', 'toString', itemIds[0], 1, ''], agrees: (value: never) => getStepById(value)},
    {name: 'isChecklistItemId', guard: api.isChecklistItemId, valid: itemIds, invalid: [guide.steps[0]!.id, `${itemIds[0]} `, '__proto__', 'hasOwnProperty', ''], agrees: undefined},
    {name: 'isRound', guard: api.isRound, valid: [guide.rounds.from, guide.rounds.from + 1, guide.rounds.to ?? Number.MAX_SAFE_INTEGER], invalid: [guide.rounds.from - 1, 0, -2, 2.5, String(guide.rounds.from), 2 ** 53], agrees: (value: never) => checklistForRound(value)},
  ] as const

  it.each(guards)('$name accepts every valid value', ({guard, valid, agrees}) => {
    for (const value of valid) {
      expect(guard(value), String(value)).toBe(true)
      if (agrees !== undefined) expect(() => agrees(value as never)).not.toThrow()
    }
  })

  it.each(guards)('$name rejects invalid and hostile values without coercing or throwing', ({guard, invalid, agrees}) => {
    for (const value of [...invalid, ...hostile]) {
      expect(guard(value), typeof value === 'symbol' ? 'symbol' : String(typeof value === 'string' ? value.slice(0, 20) : typeof value)).toBe(false)
      if (agrees !== undefined) expect(() => agrees(value as never)).toThrow()
    }
  })
})
