// fast-check's `binary` string unit (and `webSegment`, built on it) makes a
// map of all 1.1 million code points the first time a string of it is made:
// a second or more of CPU in every worker that runs such a property. These
// draw the same values and read one back with arithmetic instead.
import fc from 'fast-check'

// Code points but the surrogates (U+D800 to U+DFFF), as fast-check's `binary` unit has them.
const SURROGATES = 0x800

/**
 * Any code point but a surrogate, as `fc.string({unit: 'binary'})` draws
 * them: `fc.string({unit: anyCodePoint})`.
 */
export const anyCodePoint: fc.Arbitrary<string> = fc.nat({max: 0x10ffff - SURROGATES}).map(
  (index) => String.fromCodePoint(index < 0xd800 ? index : index + SURROGATES),
  (value) => {
    const code = typeof value === 'string' ? value.codePointAt(0) : undefined
    if (code === undefined || String.fromCodePoint(code) !== value || (code >= 0xd800 && code < 0xe000)) throw new Error('Expected one code point')
    return code < 0xd800 ? code : code - SURROGATES
  },
)

/** A URL path segment as `fc.webSegment()` makes one: letters, digits, `-._~!$&'()*+,;=:@` and percent-encoded code points. */
export const webSegment: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(
    {weight: 10, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&\'()*+,;=:@')},
    {weight: 1, arbitrary: anyCodePoint.map((char) => encodeURIComponent(char))},
  ),
})
