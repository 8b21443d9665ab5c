import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {checklistForRound, getStep, getStepById, isGuideError, listSteps} from '../src/index.js'
import type {StepId} from '../src/index.js'
import {checklistContentForRound, getStepContent} from '../src/render/index.js'
import {thrown} from './helpers.js'

// The calls under test, each with what it accepts: the shipped guide's step
// numbers and ids.
const LAST_STEP = listSteps().length
const STEP_IDS: readonly unknown[] = listSteps().map((step) => step.id)
const FIRST_ID = listSteps()[0]!.id
const isStepNumber = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= LAST_STEP
const calls = [
  {name: 'getStep(n)', call: (value: unknown) => getStep(value as 1), valid: isStepNumber, range: 'ERR_STEP_OUT_OF_RANGE'},
  {name: 'checklistForRound(r)', call: (value: unknown) => checklistForRound(value as number), valid: (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 2, range: 'ERR_ROUND_OUT_OF_RANGE'},
  // The render subpath follows the same rules, with the same codes.
  {name: 'getStepContent(n)', call: (value: unknown) => getStepContent(value as 1), valid: isStepNumber, range: 'ERR_STEP_OUT_OF_RANGE'},
  {name: 'checklistContentForRound(r)', call: (value: unknown) => checklistContentForRound(value as number), valid: (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 2, range: 'ERR_ROUND_OUT_OF_RANGE'},
  {name: 'getStepById(id)', call: (value: unknown) => getStepById(value as StepId), valid: (v: unknown) => STEP_IDS.includes(v), range: 'ERR_UNKNOWN_STEP_ID'},
] as const

function expectRejected(name: string, call: (value: unknown) => unknown, value: unknown, rangeCode: string): void {
  const error = thrown(() => call(value))
  expect(isGuideError(error)).toBe(true)
  const {code, message} = error as {code: string; message: string}
  const wrongType = name.startsWith('getStepById') ? typeof value !== 'string' : typeof value !== 'number'
  if (wrongType) {
    expect(error).toBeInstanceOf(TypeError)
    expect(code).toBe('ERR_INVALID_ARG_TYPE')
  } else {
    expect(error).toBeInstanceOf(RangeError)
    expect(code).toBe(rangeCode)
  }
  // Names the call and parameter, what was expected and what was received.
  expect(message).toContain(name)
  expect(message).toMatch(/expected "\w+" to be/)
  expect(message).toMatch(/received /)
}

describe('bad input', () => {
  const tricky = ['3', '', 3n, 3.0000001, 2.5, Number.NaN, Infinity, -Infinity, -0, 0, -1, LAST_STEP + 1, 1e21, null, undefined, true, {}, [], [3], {valueOf: () => 3}, new Number(3), Symbol('3'), () => 3, Object.create(null), new Proxy({}, {get() { throw new Error('trap') }}), FIRST_ID.toUpperCase(), ` ${FIRST_ID}`, '__proto__', 'constructor', 'toString']

  for (const {name, call, valid, range} of calls) {
    it(`${name} rejects each tricky value with a typed, coded error`, () => {
      for (const value of tricky) {
        if (valid(value)) continue
        expectRejected(name, call, value, range)
      }
    })

    it(`${name} never returns for an invalid argument, never throws for a valid one (property)`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything({withBigInt: true, withBoxedValues: true, withNullPrototype: true, withMap: true, withSet: true}), fc.double(), fc.integer({min: -10, max: 30}), fc.string()), (value) => {
          if (valid(value)) {
            expect(() => call(value)).not.toThrow()
          } else {
            expectRejected(name, call, value, range)
          }
        }),
        {numRuns: 2000},
      )
    })
  }

  it('never coerces: getStep and checklistForRound refuse numeric strings, bigints and boxed numbers', () => {
    for (const value of ['3', 3n, new Number(3)]) {
      expect((thrown(() => getStep(value as 3)) as {code: string}).code).toBe('ERR_INVALID_ARG_TYPE')
      expect((thrown(() => checklistForRound(value as 3)) as {code: string}).code).toBe('ERR_INVALID_ARG_TYPE')
    }
  })
})
