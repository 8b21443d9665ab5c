import {type Locale, SOURCE_LOCALE} from './generated/locales.js'
import type * as LocaleApi from './locale-api.js'

/** What `ace-second-interview/locales/<tag>` exports: the locale API. */
export type LocaleModule = typeof LocaleApi

/**
 * How to load each locale's entry. THIS FILE IS REPLACED IN THE BUILD:
 * tsup.config.ts gives the main entry and the bin one literal
 * `import('./locales/<tag>/index.js')` per translation instead (`.cjs` in
 * the CJS build), so that bundlers split each locale into its own chunk and
 * load it only when asked. The source locale is this entry's own API, in
 * the build as here. Run from source (tests of src/, tsx), the translations
 * exist only once built, and loading one rejects saying so.
 *
 * @param locale A locale of the guide (already checked).
 * @returns A promise of the locale's module.
 */
export function loadLocaleModule(locale: Locale): Promise<LocaleModule> {
  return locale === SOURCE_LOCALE
    ? import('./locale-api.js')
    : Promise.reject(new Error(`loadLocale(${JSON.stringify(locale)}): the per-locale modules exist only in the built package (dist/); run \`npm run build\` and import from there`))
}
