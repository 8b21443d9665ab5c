// Public entry: exports only. The build-time pipeline (pipeline/, unified) is
// never imported from here, so the runtime has no dependencies.
//
// The main entry is the source locale's API (src/locale-api.ts, the same
// list every `ace-second-interview/locales/<tag>` entry exports), plus what
// only it has: the locale list, locale negotiation and loading, and the
// guide validator.
export * from './locale-api.js'
export {loadLocale} from './load-locale.js'
export type {LocaleModule} from './load-locale.js'
export {locales, resolveLocale} from './locales.js'
export type {ResolveLocaleOptions} from './locales.js'
export {assertGuide, GuideValidationError, parseGuide, validateGuide} from './validate.js'
export type {GuideProblem, GuideProblemCode} from './validate.js'
