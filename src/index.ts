// Public entry: exports only. The build-time pipeline (pipeline/, unified) is
// never imported from here, so the runtime has no dependencies.
//
// The main entry is the source locale's entry (src/generated/source.ts: the
// same exports as every `ace-second-interview/locales/<tag>`), plus what
// only it has: the locale list, locale negotiation and loading, and the
// guide validator.
export * from './generated/source.js'
export {loadLocale} from './load-locale.js'
export type {LocaleModule} from './locale-api.js'
export {locales, resolveLocale} from './locales.js'
export type {ResolveLocaleOptions} from './locales.js'
export {assertGuide, GuideValidationError, parseGuide, validateGuide} from './validate.js'
export type {GuideProblem, GuideProblemCode} from './validate.js'
