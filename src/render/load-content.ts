import {importLocaleContent} from '../generated/import-content.js'
import {type LocaleTag, localeOf} from '../locale-tag.js'
import type {RenderModule} from './api.js'

/**
 * Load one locale's render forms on demand: the module
 * `ace-second-interview/locales/<locale>/render` (`getStepContent`,
 * `getIntroContent`, `checklistContentForRound` in that locale). Like
 * `loadLocale`, a literal `import()` per locale, so a bundler puts each
 * locale's trees in a chunk of their own. The same module on every call.
 *
 * @param locale One of `locales`, in any case, e.g. `'de'`.
 * @returns A promise of that locale's render module.
 * @throws {GuideTypeError} (as a rejection) `ERR_INVALID_ARG_TYPE` when `locale` is not a string.
 * @throws {GuideRangeError} (as a rejection) `ERR_UNKNOWN_LOCALE` when it is
 *   not one of `locales` (the message lists them).
 * @example
 *   const {getStepContent} = await loadLocaleContent(resolveLocale(navigator.languages))
 *   element.innerHTML = getStepContent(1).html
 */
export async function loadLocaleContent(locale: LocaleTag): Promise<RenderModule> {
  return importLocaleContent(localeOf(locale, 'loadLocaleContent(locale)'))
}
