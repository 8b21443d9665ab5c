// The ordinals of the source locale (en-GB). A locale's runtime build
// resolves this module to that locale's grammar in src/grammar/ instead.
export {FORM_REQUIRED, FORMS, ordinal} from './grammar/en.js'
