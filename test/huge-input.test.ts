// Issue 11 (item 7): every public function keeps its coded error contract for
// any input size and shape: huge strings, huge arrays, cycles, proxies, symbols.
import {describe, expect, it} from 'vitest'
import * as api from '../src/index.js'
import * as render from '../src/render/index.js'

const {proxy: revoked, revoke} = Proxy.revocable({}, {})
revoke()
const cyclic: Record<string, unknown> = {}
cyclic['self'] = cyclic
cyclic['steps'] = [cyclic]

// Each input is made once, on first use, and shared by every call under test.
function once(make: () => unknown): () => unknown {
  let made: {value: unknown} | undefined
  return () => (made ??= {value: make()}).value
}

const inputs: ReadonlyArray<readonly [string, () => unknown]> = ([
  // 90 million control characters: JSON.stringify would make 540 million.
  ['a 90-million-character string of \\x01', () => '\x01'.repeat(9e7)],
  ['a 50-million-character string', () => 'a'.repeat(5e7)],
  ['a symbol with a 50-million-character description', () => Symbol('s'.repeat(5e7))],
  ['a million-element array', () => Array.from({length: 1e6}, (_, index) => index)],
  ['an array of 10 million holes', () => new Array(1e7)],
  ['a bigint of 100,000 digits', () => 10n ** 100_000n],
  ['a cyclic object', () => cyclic],
  ['a revoked proxy', () => revoked],
  ['a proxy whose every trap throws', () => new Proxy({}, Object.fromEntries(['get', 'getPrototypeOf', 'ownKeys', 'getOwnPropertyDescriptor', 'has'].map((trap) => [trap, () => { throw new Error('trap') }])))],
  ['an object whose constructor name is 10 million characters', () => new ({[`C${'c'.repeat(1e7)}`]: class {}} as Record<string, new () => object>)[`C${'c'.repeat(1e7)}`]!()],
] as const).map(([name, make]) => [name, once(make)] as const)

const throwing = [
  ['getStep', (value: unknown) => api.getStep(value as never)],
  ['getStepById', (value: unknown) => api.getStepById(value as never)],
  ['checklistForRound', (value: unknown) => api.checklistForRound(value as never)],
  ['getStepContent', (value: unknown) => render.getStepContent(value as never)],
  ['checklistContentForRound', (value: unknown) => render.checklistContentForRound(value as never)],
  ['assertGuide', (value: unknown) => api.assertGuide(value)],
  ['parseGuide', (value: unknown) => api.parseGuide(value)],
] as const

const answering = [
  ['isStepNumber', (value: unknown) => api.isStepNumber(value), false],
  ['isStepId', (value: unknown) => api.isStepId(value), false],
  ['isChecklistItemId', (value: unknown) => api.isChecklistItemId(value), false],
  ['isRound', (value: unknown) => api.isRound(value), false],
  ['isGuideError', (value: unknown) => api.isGuideError(value), false],
] as const

describe('huge and hostile arguments', () => {
  const throwCases = inputs.flatMap(([input, make]) => throwing.map(([call, run]) => ({call, input, make, run})))
  it.each(throwCases)('$call($input) throws a coded error with a short message', ({make, run}) => {
    let error: unknown
    try {
      run(make())
    } catch (caught) {
      error = caught
    }
    expect(api.isGuideError(error), String(error).slice(0, 200)).toBe(true)
    expect((error as Error).message.length).toBeLessThan(20_000)
  })

  const answerCases = inputs.flatMap(([input, make]) => answering.map(([call, run, expected]) => ({call, input, make, run, expected})))
  it.each(answerCases)('$call($input) answers without throwing', ({make, run, expected}) => {
    expect(run(make())).toBe(expected)
  })

  it.each(inputs)('validateGuide(%s) returns frozen problems with short messages', (_input, make) => {
    const problems = api.validateGuide(make())
    expect(problems.length).toBeGreaterThan(0)
    expect(Object.isFrozen(problems)).toBe(true)
    for (const problem of problems) expect(problem.message.length).toBeLessThan(1_000)
  })
})
