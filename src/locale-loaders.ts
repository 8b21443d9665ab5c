import type {Locale} from './generated/locales.js'
import type * as LocaleApi from './locale-api.js'

/** What `ace-second-interview/locales/<tag>` exports: the locale API. */
export type LocaleModule = typeof LocaleApi

/**
 * How to load each locale's entry. THIS FILE IS REPLACED IN THE BUILD:
 * tsup.config.ts gives the main entry and the bin one literal
 * `import('./locales/<tag>/index.js')` per locale instead (`.cjs` in the CJS
 * build), so that bundlers split each locale into its own chunk and load it
 * only when asked. Run from source (tests of src/, tsx), only the source
 * locale is at hand: its module is this API itself; the others exist only
 * once built, and loading one rejects saying so.
 *
 * @param locale A locale of the guide (already checked).
 * @returns A promise of the locale's module.
 */
export function loadLocaleModule(locale: Locale): Promise<LocaleModule> {
  return locale === 'en-GB'
    ? import('./locale-api.js')
    : Promise.reject(new Error(`loadLocale(${JSON.stringify(locale)}): the per-locale modules exist only in the built package (dist/); run \`npm run build\` and import from there`))
}
