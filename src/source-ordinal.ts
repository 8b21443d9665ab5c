// The ordinals of the source locale (en-GB), never swapped: a locale's build
// resolves src/ordinal.ts to its own grammar, but an item that falls back to
// the source text (`item.locale` is the source's) is still spelt in the
// source's language, so a fallback never reads "your zweite interview".
export {ordinal as sourceOrdinal} from './grammar/en.js'
