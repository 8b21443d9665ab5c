// resolveLocale: BCP 47 lookup with fallback, from tags, lists of tags and
// Accept-Language values, over the locales an app offers. The algorithm is
// tested over locale lists this file owns (createResolver), so nothing here
// pins the locales the content ships; the shipped resolver is then checked to
// be that algorithm over `locales`.
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
    {requested: 'und', out: 'en-GB'},
    // canonical forms: deprecated codes are their replacements
    {requested: 'art-lojban', out: 'en-GB'},
    // a list, in order of preference: each tag is tried in full before the next
    {requested: ['pt-BR', 'fr-CA'], out: 'fr'},
    {requested: ['en-AU', 'es'], out: 'en-GB'},
    {requested: ['it', 'pt', 'de-AT', 'fr'], out: 'de'},
    {requested: ['ja'], out: 'en-GB'},
    // navigator.languages may be empty; an empty header is the same
    {requested: [], out: 'en-GB'},
    {requested: '', out: 'en-GB'},
    {requested: ' \t', out: 'en-GB'},
    {requested: [''], out: 'en-GB'},
    // Accept-Language values: highest weight first, equal weights in order
    {requested: 'de-CH,de;q=0.9,en;q=0.8', out: 'de'},
    {requested: 'en;q=0.8, de-CH;q=0.9', out: 'de'},
    {requested: 'fr;q=0.5,es;q=0.5', out: 'fr'},
    {requested: 'fr;q=0.5,es', out: 'es'},
    {requested: 'pt-BR,pt;q=0.9,es;q=0.1', out: 'es'},
    {requested: 'es ; Q=1.000 ,fr', out: 'es'},
    {requested: 'de,,fr', out: 'de'},
    {requested: ' es', out: 'es'},
    // `*` and q=0 say nothing about which locale to show
    {requested: 'en-US,en;q=0.9,*;q=0.5', out: 'en-US'},
    {requested: '*', out: 'en-GB'},
    {requested: 'pt,*;q=0.5', out: 'en-GB'},
    {requested: 'es;q=0,fr;q=0.001', out: 'fr'},
    {requested: 'de;q=0.0', out: 'en-GB'},
    // a header split on commas is a list, each element a range with its weight
    {requested: ['en-US', 'en;q=0.9', '*;q=0.5'], out: 'en-US'},
    {requested: ['it', 'de;q=0.5', 'es;q=0.9'], out: 'es'},
    {requested: ['*', 'fr'], out: 'fr'},
  ] as const

  it.each(cases)('$requested → $out', ({requested, out}) => {
    expect(five(requested)).toBe(out)
  })

  it('lets the first listed locale of a language win it, whatever the list', () => {
    expect(createResolver(['es', 'pt-PT', 'pt-BR'])('pt-AO')).toBe('pt-PT')
    expect(createResolver(['es', 'pt-PT', 'pt-BR'])('pt-BR')).toBe('pt-BR')
    expect(createResolver(['es', 'pt-PT', 'pt-BR'])('en')).toBe('es')
  })

  it('returns a listed locale for any well-formed tag, list of them or Accept-Language value', () => {
    const subtag = fc.stringMatching(/^[a-zA-Z]{2,3}(?:-(?:[a-zA-Z]{2}|\d{3}))?$/)
    const weight = fc.oneof(fc.constant(''), fc.stringMatching(/^;q=(?:0(?:\.\d{1,3})?|1(?:\.0{1,3})?)$/))
    const header = fc.array(fc.tuple(fc.oneof(subtag, fc.constant('*')), weight), {maxLength: 5}).map((entries) => entries.map(([tag, q]) => `${tag}${q}`).join(', '))
    fc.assert(
      fc.property(fc.oneof(subtag, fc.array(subtag, {maxLength: 4}), header), (requested) => {
        expect(FIVE).toContain(five(requested))
      }),
    )
  })
})

describe('resolveLocale: the locales an app offers, and its default', () => {
  const cases = [
    // only what is offered is chosen; the source wins its language when offered
    {options: {available: ['en-GB', 'de']}, requested: 'es-MX,de;q=0.5', out: 'de'},
    {options: {available: ['en-GB', 'de']}, requested: 'es', out: 'en-GB'},
    {options: {available: ['en-US', 'en-GB']}, requested: 'en-AU', out: 'en-GB'},
    // a default: what nothing matching gives, and the winner of its language
    {options: {available: ['en-GB', 'de'], default: 'de'}, requested: 'fr', out: 'de'},
    {options: {available: ['en-GB', 'de'], default: 'de'}, requested: '', out: 'de'},
    {options: {default: 'en-US'}, requested: ['en', 'en-CA', 'en-AU'], out: 'en-US'},
    {options: {default: 'en-US'}, requested: 'en-GB', out: 'en-GB'},
    {options: {default: 'es'}, requested: [], out: 'es'},
    // without the source, the first offered is the default
    {options: {available: ['fr', 'es']}, requested: 'de', out: 'fr'},
    // offered in any case, spelt as listed; null is the same as left out
    {options: {available: ['DE', 'en-gb'], default: 'De'}, requested: 'pt', out: 'de'},
    {options: {available: null, default: null}, requested: 'pt', out: 'en-GB'},
  ] as const

  it.each(cases)('$options: $requested → $out', ({options, requested, out}) => {
    expect(createResolver(FIVE, options as never)(requested)).toBe(out)
  })

  const bad = [
    {options: {available: ['de', 'pt-BR']}, code: 'ERR_UNKNOWN_LOCALE', says: /"options\.available\[1\]" to be one of 'en-GB', 'de', 'en-US', 'es', 'fr', received type string \("pt-BR"\)/},
    {options: {available: ['de'], default: 'fr'}, code: 'ERR_UNKNOWN_LOCALE', says: /"options\.default" to be one of 'de', received type string \("fr"\)/},
    {options: {default: 'xx'}, code: 'ERR_UNKNOWN_LOCALE', says: /"options\.default".*\("xx"\)/},
    {options: {available: []}, code: 'ERR_INVALID_ARG_TYPE', says: /"options\.available" to be a non-empty array of locales, received an empty array/},
    {options: {available: 'de'}, code: 'ERR_INVALID_ARG_TYPE', says: /"options\.available".*received type string \("de"\)/},
    {options: {available: ['de', 3]}, code: 'ERR_INVALID_ARG_TYPE', says: /"options\.available\[1\]".*received type number \(3\)/},
    {options: 'de', code: 'ERR_INVALID_ARG_TYPE', says: /"options" to be an object.*received type string \("de"\)/},
  ] as const

  it.each(bad)('$options → $code', ({options, code, says}) => {
    const error = thrown(() => createResolver(FIVE, options as never))
    expect(isGuideError(error)).toBe(true)
    expect((error as {code: string}).code).toBe(code)
    expect(error).toBeInstanceOf(code === 'ERR_UNKNOWN_LOCALE' ? RangeError : TypeError)
    expect((error as Error).message).toMatch(/^resolveLocale\(requested\): expected /)
    expect((error as Error).message).toMatch(says)
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
    {requested: 'e', code: 'ERR_INVALID_LOCALE_TAG', says: /well-formed BCP 47 language tag.*received type string \("e"\)$/},
    {requested: 'de--CH', code: 'ERR_INVALID_LOCALE_TAG', says: /"de--CH"/},
    {requested: 'en-', code: 'ERR_INVALID_LOCALE_TAG', says: /"en-"/},
    {requested: 'es\u202e', code: 'ERR_INVALID_LOCALE_TAG', says: /\\u202e/},
    // private-use-only and irregular grandfathered tags name no language
    {requested: 'x-klingon', code: 'ERR_INVALID_LOCALE_TAG', says: /"x-klingon"/},
    {requested: 'i-klingon', code: 'ERR_INVALID_LOCALE_TAG', says: /"i-klingon"/},
    // a malformed Accept-Language value: the element at fault is named
    {requested: 'de-CH,de;q=2', code: 'ERR_INVALID_LOCALE_TAG', says: /Accept-Language value, received type string \("de-CH,de;q=2"\); "de;q=2" is not a tag with an optional weight, q=0 to 1/},
    {requested: 'de;q=0.5000', code: 'ERR_INVALID_LOCALE_TAG', says: /"de;q=0\.5000" is not a tag with an optional weight/},
    {requested: 'de;level=1', code: 'ERR_INVALID_LOCALE_TAG', says: /"de;level=1" is not/},
    {requested: 'de fr', code: 'ERR_INVALID_LOCALE_TAG', says: /"de fr" is not/},
    {requested: 'es, de fr', code: 'ERR_INVALID_LOCALE_TAG', says: /; "de fr" is not a tag with an optional weight/},
    {requested: 'de,en-*', code: 'ERR_INVALID_LOCALE_TAG', says: /; "en-\*" is not a well-formed BCP 47 language tag$/},
    {requested: 'en;q=0.5,en_GB', code: 'ERR_INVALID_LOCALE_TAG', says: /"en_GB" is not a well-formed BCP 47 language tag; .*not '_': "en-GB"/},
    // POSIX names are refused, with the BCP 47 spelling in the message
    {requested: 'en_US', code: 'ERR_INVALID_LOCALE_TAG', says: /not '_': "en-US"/},
    {requested: 'de_DE.UTF-8', code: 'ERR_INVALID_LOCALE_TAG', says: /not '_': "de-DE"/},
    // a bad tag anywhere in a list, even after one that would match
    {requested: ['es', 'fr_FR'], code: 'ERR_INVALID_LOCALE_TAG', says: /"requested\[1\]".*"fr-FR"/},
    // Issue 22, item 7: a hole is no tag.
    // eslint-disable-next-line no-sparse-arrays
    {requested: ['zz', , 'es'], code: 'ERR_INVALID_ARG_TYPE', says: /"requested\[1\]".*received undefined/},
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

// Issue 22, item 7: named by hand, as vitest cannot print a revoked proxy.
describe('resolveLocale: a list that throws when read is an error with a code', () => {
  it.each([
    {name: 'a revoked proxy', requested: (() => { const {proxy, revoke} = Proxy.revocable([], {}); revoke(); return proxy })()},
    {name: 'an array whose reads throw', requested: new Proxy(['es'], {get: () => { throw new Error('trap') }})},
  ])('$name → ERR_INVALID_ARG_TYPE', ({requested}) => {
    for (const resolve of [five, resolveLocale as (value: unknown) => string]) {
      const error = thrown(() => resolve(requested))
      expect(isGuideError(error) && error.code).toBe('ERR_INVALID_ARG_TYPE')
      expect((error as Error).message).toMatch(/^resolveLocale\(requested\): expected "requested" to be .*, received a value that throws when read$/)
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
      for (const requested of [`${locale}-x-test`, ['zz', locale], `zz,${locale};q=0.5`, 'pt-BR', 'en-AU', '']) {
        expect(resolveLocale(requested)).toBe(same(requested))
      }
    }
  })
})

describe('resolveLocale: the app\'s offer, over the shipped locales', () => {
  const [source, ...translations] = locales
  const other = translations.at(-1)!

  it('takes the locales an app offers and its default, as the algorithm over a fixture list does', () => {
    const options = {available: [source!, other], default: other}
    const same = createResolver(locales as unknown as readonly ['en-GB', ...string[]], options)
    for (const requested of ['pt-BR', source!, `${other}-ZZ`, `pt,${source};q=0.1`, translations[0]!, '']) {
      expect(resolveLocale(requested, options)).toBe(same(requested))
    }
    expect(resolveLocale('pt-BR', options)).toBe(other)
    expect(resolveLocale('pt-BR', null)).toBe(source)
  })

  it('refuses to offer a locale the guide does not ship', () => {
    const error = thrown(() => resolveLocale('de', {available: ['tlh' as 'de']}))
    expect((error as {code: string}).code).toBe('ERR_UNKNOWN_LOCALE')
    expect((error as Error).message).toContain(locales.map((tag) => `'${tag}'`).join(', '))
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
