// resolveLocale: BCP 47 lookup with fallback. The algorithm is tested over
// locale lists this file owns (createResolver), so nothing here pins the
// locales the content ships; the shipped resolver is then checked to be that
// algorithm over `locales`.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {GuideTypeError, isGuideError, loadLocale, locales, resolveLocale} from '../src/index.js'
import {createResolver} from '../src/locales.js'
import {loadLocaleContent} from '../src/render/index.js'
import {thrown} from './helpers.js'

const FIVE = ['en-GB', 'de', 'en-US', 'es', 'fr'] as const
const five = createResolver(FIVE)

describe('resolveLocale: lookup with fallback (over a fixture list)', () => {
  const cases = [
    // exact, in any case
    {requested: 'es', out: 'es'},
    {requested: 'en-US', out: 'en-US'},
    {requested: 'EN-us', out: 'en-US'},
    {requested: 'DE', out: 'de'},
    // truncation, subtag by subtag
    {requested: 'es-MX', out: 'es'},
    {requested: 'es-419', out: 'es'},
    {requested: 'de-CH-1996', out: 'de'},
    {requested: 'fr-Latn-CA', out: 'fr'},
    {requested: 'en-US-u-ca-gregory', out: 'en-US'},
    {requested: 'de-a-bcd-x-private', out: 'de'},
    // a language match picks the first locale of the language: the source first
    {requested: 'en', out: 'en-GB'},
    {requested: 'en-AU', out: 'en-GB'},
    {requested: 'en-Latn', out: 'en-GB'},
    // nothing matches: the source
    {requested: 'pt-BR', out: 'en-GB'},
    {requested: 'x-klingon', out: 'en-GB'},
    {requested: 'und', out: 'en-GB'},
    // a list, in order of preference: each tag is tried in full before the next
    {requested: ['pt-BR', 'fr-CA'], out: 'fr'},
    {requested: ['en-AU', 'es'], out: 'en-GB'},
    {requested: ['it', 'pt', 'de-AT', 'fr'], out: 'de'},
    {requested: ['ja'], out: 'en-GB'},
    // navigator.languages may be empty
    {requested: [], out: 'en-GB'},
  ] as const

  it.each(cases)('$requested → $out', ({requested, out}) => {
    expect(five(requested)).toBe(out)
  })

  it('lets the first listed locale of a language win it, whatever the list', () => {
    expect(createResolver(['es', 'pt-PT', 'pt-BR'])('pt-AO')).toBe('pt-PT')
    expect(createResolver(['es', 'pt-PT', 'pt-BR'])('pt-BR')).toBe('pt-BR')
    expect(createResolver(['es', 'pt-PT', 'pt-BR'])('en')).toBe('es')
  })

  it('returns a listed locale for any well-formed tag or list of them', () => {
    const subtag = fc.stringMatching(/^[a-zA-Z]{2,3}(?:-(?:[a-zA-Z]{2}|\d{3}))?$/)
    fc.assert(
      fc.property(fc.oneof(subtag, fc.array(subtag, {maxLength: 4})), (requested) => {
        expect(FIVE).toContain(five(requested))
      }),
    )
  })
})

describe('resolveLocale: bad input is an error with a code', () => {
  const bad = [
    {requested: 3, code: 'ERR_INVALID_ARG_TYPE', says: /received type number \(3\)/},
    {requested: null, code: 'ERR_INVALID_ARG_TYPE', says: /received null/},
    {requested: undefined, code: 'ERR_INVALID_ARG_TYPE', says: /received undefined/},
    {requested: {0: 'es', length: 1}, code: 'ERR_INVALID_ARG_TYPE', says: /received an instance of Object/},
    {requested: new Set(['es']), code: 'ERR_INVALID_ARG_TYPE', says: /received an instance of Set/},
    {requested: ['es', 7], code: 'ERR_INVALID_ARG_TYPE', says: /"requested\[1\]".*received type number \(7\)/},
    {requested: '', code: 'ERR_INVALID_LOCALE_TAG', says: /well-formed BCP 47 language tag.*received type string \(""\)/},
    {requested: 'e', code: 'ERR_INVALID_LOCALE_TAG', says: /received type string \("e"\)/},
    {requested: 'de--CH', code: 'ERR_INVALID_LOCALE_TAG', says: /"de--CH"/},
    {requested: 'en-', code: 'ERR_INVALID_LOCALE_TAG', says: /"en-"/},
    {requested: ' es', code: 'ERR_INVALID_LOCALE_TAG', says: /" es"/},
    {requested: 'es\u202e', code: 'ERR_INVALID_LOCALE_TAG', says: /\\u202e/},
    // POSIX names are refused, with the BCP 47 spelling in the message
    {requested: 'en_US', code: 'ERR_INVALID_LOCALE_TAG', says: /not '_': "en-US"/},
    {requested: 'de_DE.UTF-8', code: 'ERR_INVALID_LOCALE_TAG', says: /not '_': "de-DE"/},
    // a bad tag anywhere in a list, even after one that would match
    {requested: ['es', 'fr_FR'], code: 'ERR_INVALID_LOCALE_TAG', says: /"requested\[1\]".*"fr-FR"/},
  ] as const

  it.each(bad)('$requested → $code', ({requested, code, says}) => {
    for (const resolve of [five, resolveLocale as (value: unknown) => string]) {
      const error = thrown(() => resolve(requested))
      expect(error).toBeInstanceOf(GuideTypeError)
      expect(isGuideError(error)).toBe(true)
      expect((error as GuideTypeError).code).toBe(code)
      expect((error as Error).message).toMatch(/^resolveLocale\(requested\): expected /)
      expect((error as Error).message).toMatch(says)
    }
  })
})

describe('the shipped locales', () => {
  it('are a frozen list, the source first, each tag once', () => {
    expect(Object.isFrozen(locales)).toBe(true)
    expect(new Set(locales).size).toBe(locales.length)
    expect(locales[0]).toBe('en-GB')
  })

  it('resolve each to itself, in any case, and by the same algorithm as the fixture list', () => {
    const same = createResolver(locales as unknown as readonly ['en-GB', ...string[]])
    for (const locale of locales) {
      expect(resolveLocale(locale)).toBe(locale)
      expect(resolveLocale(locale.toUpperCase())).toBe(locale)
      for (const requested of [`${locale}-x-test`, ["zz", locale], 'pt-BR', 'en-AU']) {
        expect(resolveLocale(requested)).toBe(same(requested))
      }
    }
  })
})

describe.each([
  {call: 'loadLocale', load: loadLocale},
  {call: 'loadLocaleContent', load: loadLocaleContent},
])('$call: bad input rejects with a code', ({call, load}) => {
  it.each([
    {locale: 'es-MX', code: 'ERR_UNKNOWN_LOCALE', type: RangeError, says: /one of 'en-GB'.*received type string \("es-MX"\); .*resolveLocale/},
    {locale: 'en', code: 'ERR_UNKNOWN_LOCALE', type: RangeError, says: /received type string \("en"\)/},
    {locale: '', code: 'ERR_UNKNOWN_LOCALE', type: RangeError, says: /received type string \(""\)/},
    {locale: 3, code: 'ERR_INVALID_ARG_TYPE', type: TypeError, says: /\(type string\), received type number \(3\)/},
    {locale: undefined, code: 'ERR_INVALID_ARG_TYPE', type: TypeError, says: /received undefined/},
  ])('$locale → $code', async ({locale, code, type, says}) => {
    const pending = load(locale as 'de')
    expect(pending).toBeInstanceOf(Promise)
    const error: unknown = await pending.then(
      () => undefined,
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(type)
    expect(isGuideError(error)).toBe(true)
    expect((error as {code: string}).code).toBe(code)
    expect((error as Error).message).toMatch(new RegExp(`^${call}\\(locale\\): expected "locale" to be `))
    expect((error as Error).message).toMatch(says)
  })
})

// Issue 24: a tag in any case loads its locale, as resolveLocale reads it.
describe('loadLocale and loadLocaleContent, from source', () => {
  it.each(locales)('%s: load in any case, each the same module on every call', async (locale) => {
    for (const written of [locale, locale.toUpperCase(), locale.toLowerCase()]) {
      const api = await loadLocale(written as 'de')
      expect(api.guide.locale).toBe(locale)
      expect(api).toBe(await loadLocale(locale))
      const content = await loadLocaleContent(written as 'de')
      expect(content).toBe(await loadLocaleContent(locale))
      expect(content.checklistContentForRound(3).map((item) => item.text)).toEqual(api.checklistForRound(3).map((item) => item.text))
    }
  })

  it('gives the main entries themselves for the source locale', async () => {
    const [api, content] = [await loadLocale(locales[0]!), await loadLocaleContent(locales[0]!)]
    for (const [key, value] of Object.entries(await import('../src/index.js'))) if (key in api) expect(api[key as keyof typeof api], key).toBe(value)
    for (const [key, value] of Object.entries(await import('../src/render/index.js'))) if (key in content) expect(content[key as keyof typeof content], key).toBe(value)
  })
})
