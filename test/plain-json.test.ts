// The render data's trees are copied as plain JSON (pipeline/render/json.ts) by a
// walk, not a JSON round trip; the walk must give exactly what the round
// trip gave, for trees and for anything else handed to it.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parseMarkdown, toSafeHast} from '../pipeline/index.js'
import {plainJson} from '../pipeline/render/json.js'

const roundTrip = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'position' || key === 'data' ? undefined : inner)))

// JSON values, and what JSON drops or changes: undefined, functions, symbols,
// -0, NaN, infinities, holes, `position`, `data` and `__proto__` keys, toJSON.
const odd = fc.constantFrom(undefined, () => 1, Symbol('s'), -0, Number.NaN, Number.POSITIVE_INFINITY, new Date(0), {toJSON: () => 'j'})
const key = fc.oneof(fc.string({maxLength: 6}), fc.constantFrom('position', 'data', '__proto__', 'type', '0', '10'))
const value = fc.letrec((tie) => ({
  any: fc.oneof({depthSize: 'small'}, fc.jsonValue({maxDepth: 1}), odd, tie('array'), tie('object')),
  // eslint-disable-next-line no-sparse-arrays
  array: fc.oneof(fc.array(tie('any'), {maxLength: 4}), fc.constant([1, , 3])),
  object: fc.array(fc.tuple(key, tie('any')), {maxLength: 4}).map((entries) => {
    const object: Record<string, unknown> = {}
    for (const [name, inner] of entries) Object.defineProperty(object, name, {value: inner, enumerable: true, writable: true, configurable: true})
    return object
  }),
})).any

describe('plainJson', () => {
  it('gives what a JSON round trip without positions and data gives', () => {
    fc.assert(
      fc.property(value, (input) => {
        let expected: unknown
        try {
          expected = roundTrip(input)
        } catch (error) {
          expect(() => plainJson(input)).toThrow((error as Error).constructor as ErrorConstructor)
          return
        }
        expect(plainJson(input)).toStrictEqual(expected)
      }),
      {numRuns: 500},
    )
  })

  it.each(['*hi* [x](https://a.example)', '| a |\n| - |\n| b |', '- [ ] item {#id}\n\n> quote `code`'])('copies the trees of %j as the round trip did', (markdown) => {
    const mdast = parseMarkdown(markdown)
    expect(plainJson(mdast)).toStrictEqual(roundTrip(mdast))
    expect(plainJson(toSafeHast(mdast))).toStrictEqual(roundTrip(toSafeHast(mdast)))
  })

  it('throws what JSON throws on a cycle or a bigint', () => {
    const cycle: Record<string, unknown> = {}
    cycle['self'] = cycle
    expect(() => plainJson(cycle)).toThrow(TypeError)
    expect(() => plainJson({n: 1n})).toThrow(TypeError)
  })
})
