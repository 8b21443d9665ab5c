import {readArgument, stringsOf} from './arguments.js'
import {describeReceived, quote} from './describe.js'
import {type GuideErrorCode, GuideRangeError, GuideTypeError} from './errors.js'
import {LOCALES, type Locale} from './generated/locales.js'

/**
 * Every locale the guide ships in, the source locale (`'en-GB'`) first, then
 * the translations in tag order. Frozen. Each has its own entry,
 * `ace-second-interview/locales/<tag>`, and {@link loadLocale} loads it.
 *
 * @example
 *   import {locales} from 'ace-second-interview'
 *   locales.includes('de') // true
 */
// (No copy: a spread is code a bundler keeps even when `locales` is unused.)
export const locales: readonly Locale[] = /* @__PURE__ */ Object.freeze(LOCALES)

/** Which locales an app offers, for {@link resolveLocale}. */
export interface ResolveLocaleOptions {
  /** The locales the app offers, each one of {@link locales}; default: all of them. */
  readonly available?: readonly Locale[] | null | undefined
  /** What to show when nothing requested matches; it also wins its language. Default: the source `'en-GB'` when offered, else the first offered. */
  readonly default?: Locale | null | undefined
}

const CALL = 'resolveLocale(requested)'
// Plain literals, no template: a bundle that never negotiates keeps none of this.
const EXPECTED = "a BCP 47 language tag such as 'es-MX' or an Accept-Language value (type string), or an array of them"

// One element of an Accept-Language list (RFC 9110 §12.5.4): a language
// range, then optionally a weight from 0 to 1 with up to three decimals.
const ELEMENT = /^([^\s;]+)(?:[ \t]*;[ \t]*q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?))?$/i

const A_TAG = 'a well-formed BCP 47 language tag'

// Every error here names the call, what `name` should be and what it was.
function fail(code: GuideErrorCode, name: string, expected: string, received: string): never {
  const message = `${CALL}: expected "${name}" to be ${expected}, received ${received}`
  throw code === 'ERR_UNKNOWN_LOCALE' ? new GuideRangeError(code, message) : new GuideTypeError(code, message)
}

function refuse(name: string, value: string, part: string, what: string): never {
  // POSIX locale names (`en_US`, `de_DE.UTF-8`) are a common mix-up: name the fix.
  const posix = /^([a-z]{2,3})_([a-z]{2}|\d{3})(?:[.@].*)?$/i.exec(part)
  const hint = posix === null ? '' : `; BCP 47 separates subtags with '-', not '_': ${quote(`${posix[1]}-${posix[2]}`)}`
  // A lone tag refused is the whole story; otherwise name the element at fault.
  const inPart = part === value && what === A_TAG ? '' : `; ${quote(part)} is not ${what}`
  fail('ERR_INVALID_LOCALE_TAG', name, "a well-formed BCP 47 language tag such as 'es-MX' or an Accept-Language value", `${describeReceived(value)}${inPart}${hint}`)
}

// A tag, or a comma-separated list with weights; `''` and empty elements are nothing.
function parseRequested(value: unknown, name: string): {tag: string; q: number}[] {
  if (typeof value !== 'string') fail('ERR_INVALID_ARG_TYPE', name, EXPECTED, describeReceived(value))
  const wanted: {tag: string; q: number}[] = []
  for (const element of value.split(',')) {
    const part = element.replace(/^[ \t]+|[ \t]+$/g, '')
    if (part === '') continue
    const match = ELEMENT.exec(part)
    if (match === null) refuse(name, value, part, 'a tag with an optional weight, q=0 to 1')
    const range = match[1] as string
    let tag = range
    if (range !== '*') {
      try {
        tag = Intl.getCanonicalLocales(range)[0] as string
      } catch {
        refuse(name, value, range, A_TAG)
      }
    }
    wanted.push({tag, q: match[2] === undefined ? 1 : Number(match[2])})
  }
  return wanted
}

function languageOf(tag: string): string {
  return tag.slice(0, `${tag}-`.indexOf('-')).toLowerCase()
}

// One of `among`, in any case, spelt as listed.
function oneOf<L extends string>(value: unknown, name: string, among: readonly L[]): L {
  const text = typeof value === 'string'
  const found = text ? among.find((locale) => locale.toLowerCase() === value.toLowerCase()) : undefined
  return found ?? fail(text ? 'ERR_UNKNOWN_LOCALE' : 'ERR_INVALID_ARG_TYPE', name, `one of ${among.map((tag) => `'${tag}'`).join(', ')}`, describeReceived(value))
}

/**
 * Make the negotiation {@link resolveLocale} runs, over any list of locales
 * (for tests over lists other than the shipped one; not part of the
 * package's API: apps pass their offer to {@link resolveLocale}).
 *
 * @param all Every locale there is, the source first (the default default).
 * @param options The locales offered (default `all`) and the default.
 * @returns A function from a tag, an Accept-Language value or a list of tags to an offered locale.
 * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when the options are not as described, and (from the returned function) as {@link resolveLocale}.
 * @throws {GuideRangeError} `ERR_UNKNOWN_LOCALE` when an offered locale is not in `all`, or the default not offered.
 * @example
 *   createResolver(['en-GB', 'es'])('es-MX,en;q=0.5') // 'es'
 */
export function createResolver<L extends string>(all: readonly [L, ...L[]], options?: {readonly available?: readonly L[] | null | undefined; readonly default?: L | null | undefined} | null): (requested: unknown) => L {
  // A locale passed as the second argument is no options object.
  if (options !== undefined && typeof options !== 'object') fail('ERR_INVALID_ARG_TYPE', 'options', 'an object', describeReceived(options))
  const [list, wanted] = readArgument(CALL, 'options', 'an object', () => {
    const given: unknown = options?.available ?? all
    return [Array.isArray(given) ? stringsOf(given) : given, options?.default] as const
  })
  if (!Array.isArray(list) || list.length === 0) fail('ERR_INVALID_ARG_TYPE', 'options.available', 'a non-empty array of locales', Array.isArray(list) ? 'an empty array' : describeReceived(list))
  const available = list.map((value: unknown, index) => oneOf(value, `options.available[${index}]`, all))
  const fallback = wanted === null || wanted === undefined ? (available.includes(all[0]) ? all[0] : (available[0] as L)) : oneOf(wanted, 'options.default', available)
  // The default first: it wins its language, then each language's first offered locale.
  const ordered = [fallback, ...available.filter((locale) => locale !== fallback)]

  // RFC 4647 lookup for one tag: the tag, then shorter and shorter prefixes
  // (`de-CH-1996` → `de-CH` → `de`), dropping a trailing singleton with its
  // extension (`en-a-bbb` → `en`); then the first locale of its language.
  const lookup = (tag: string): L | undefined => {
    let range = tag.toLowerCase()
    for (;;) {
      const found = ordered.find((locale) => locale.toLowerCase() === range)
      if (found !== undefined) return found
      let cut = range.lastIndexOf('-')
      if (cut === -1) break
      if (cut >= 2 && range[cut - 2] === '-') cut -= 2
      range = range.slice(0, cut)
    }
    return ordered.find((locale) => languageOf(locale) === languageOf(tag))
  }

  return (requested) => {
    // Every element is checked before any is matched: a bad tag later in the
    // list is an error whatever comes before it. Then the highest weight
    // first (a stable sort: equal weights keep their order); `*` and `q=0`
    // say nothing about which locale to show.
    // Read once, by index (a hole is no tag); a list that throws when read is refused.
    const list = readArgument(CALL, 'requested', EXPECTED, () => (Array.isArray(requested) ? stringsOf(requested) : undefined))
    const wanted = (list ?? [requested]).flatMap((tag, index) => parseRequested(tag, list === undefined ? 'requested' : `requested[${index}]`))
    for (const {tag} of wanted.filter(({tag, q}) => q > 0 && tag !== '*').sort((a, b) => b.q - a.q)) {
      const found = lookup(tag)
      if (found !== undefined) return found
    }
    return fallback
  }
}

/**
 * Pick the locale to show a reader, from their preferred languages: one tag,
 * a list of tags in order (`navigator.languages`), or an HTTP
 * `Accept-Language` value (`'de-CH,de;q=0.9,en;q=0.8'`: highest weight
 * first, equal weights in order; `*` and `q=0` entries are ignored). For each
 * tag (BCP 47 lookup with fallback, case-insensitive): the offered locale
 * with that exact tag, else the tag cut short subtag by subtag (`'es-MX'` →
 * `'es'`, `'de-CH-1996'` → `'de'`), else the first offered locale of the
 * same language (`'en-AU'` → `'en-GB'`); then the next tag. When nothing
 * matches, or nothing is requested (`''`, `[]`), the default.
 *
 * @param requested A tag, an `Accept-Language` value, or an array of tags
 *   (an element may be a list too, as `header.split(',')` gives).
 * @param options `available`: the locales the app offers (each one of
 *   {@link locales}; default all); `default`: what to show when
 *   nothing matches, which also wins its language (default `'en-GB'` when
 *   offered, else the first offered).
 * @returns One of the offered locales.
 * @throws {GuideTypeError} `ERR_INVALID_ARG_TYPE` when `requested` is not a
 *   string or an array of strings, or the options are not as described;
 *   `ERR_INVALID_LOCALE_TAG` when a tag is not a well-formed BCP 47 tag
 *   (`'en_US'`, `'e'`, `'x-private'`) or a weight not `q=` 0 to 1.
 * @throws {GuideRangeError} `ERR_UNKNOWN_LOCALE` when an offered locale or
 *   the default is not one the guide ships (or not offered).
 * @example
 *   resolveLocale('es-MX') // 'es'
 *   resolveLocale('de-CH,de;q=0.9,en;q=0.8') // 'de'
 *   resolveLocale(navigator.languages, {available: ['en-GB', 'de'], default: 'de'})
 */
export function resolveLocale(requested: string | readonly string[], options?: Readonly<ResolveLocaleOptions> | null): Locale {
  // LOCALES lists the source first (src/generated/locales.ts).
  return createResolver(LOCALES, options)(requested)
}
