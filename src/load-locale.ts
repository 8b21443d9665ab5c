import {importLocale} from './generated/import-locale.js'
import type {LocaleModule} from './locale-api.js'
import {type LocaleTag, localeOf} from './locale-tag.js'

/**
 * Load one locale's API on demand: the module
 * `ace-second-interview/locales/<locale>` (the same exports as the main
 * entry's locale API: `guide`, `getStep`, `checklistForRound`, …, in that
 * locale's words and grammar). A literal `import()` per locale, so a bundler
 * (Vite, webpack, Next.js, esbuild) puts each locale in a chunk of its own
 * and an app downloads only the one it shows. The code and the error classes
 * are shared: an error from any locale is `instanceof` the classes of every
 * entry. The same module on every call.
 *
 * The locale must be one of `locales`, in any case (`'DE'`, `'en-gb'`):
 * pass a reader's preferences through `resolveLocale` first
 * (`loadLocale('es-MX')` rejects; `loadLocale(resolveLocale('es-MX'))` loads `es`).
 *
 * @param locale One of `locales`, e.g. `'de'`.
 * @returns A promise of that locale's module.
 * @throws {GuideTypeError} (as a rejection) `ERR_INVALID_ARG_TYPE` when `locale` is not a string.
 * @throws {GuideRangeError} (as a rejection) `ERR_UNKNOWN_LOCALE` when it is
 *   not one of `locales` (the message lists them).
 * @example
 *   const de = await loadLocale(resolveLocale(navigator.languages))
 *   de.checklistForRound(3).map((item) => item.text)
 */
export async function loadLocale(locale: LocaleTag): Promise<LocaleModule> {
  return importLocale(localeOf(locale, 'loadLocale(locale)'))
}
