import {SPELLING_LANGUAGES, SPELL_CHECKER, SUGGESTION_LIMIT, dictionaryFor, dictionarySpeller} from '../dictionaries.js'
import {misspellings, proseOf} from '../../parse/prose.js'
import type {Rule} from '../rule.js'
import {translatedProse} from '../../parse/parity.js'
import {wordForms} from '../../read/words.js'

/** Suggestions shown per misspelling, in the message and in `expected`. */
const SUGGESTIONS = 3

const quote = (word: string): string => `\`${word}\``

/**
 * Titles, summaries, bodies and checklist items are spelt as the locale's
 * dictionary spells, or as its word list (`words.txt`) allows.
 */
export const spelling: Rule = {
  id: 'spelling',
  phase: 'document',
  severity: 'warning',
  description: 'Titles, summaries, bodies and checklist items are spelt as the locale\'s dictionary (`dictionary-en-gb` for en-GB, `dictionary-en` for other English, `dictionary-es`, `-fr`, `-de`) or its `words.txt` spells; placeholders, code and URLs are not checked.',
  tip: 'Correct the spelling; if the word is right (a name or a term), add it to the locale\'s `words.txt` (beside its `guide.md`), one word per line.',
  check({guide, steps, sources, report, locale, words, folder, translation}) {
    const documents = guide === undefined ? steps : [guide, ...steps]
    if (words !== undefined) {
      for (const problem of words.problems) {
        report(words, problem.reason, problem.position, {
          ...(problem.actual === undefined ? {} : {actual: problem.actual}),
          tip: problem.tip,
        })
      }
    }
    const [first] = documents
    if (first === undefined) return
    const dictionary = dictionaryFor(locale)
    if (dictionary === undefined) {
      report(first, `Expected a locale whose language has a spelling dictionary (${SPELLING_LANGUAGES.join(', ')}), found \`${locale}\`; spelling was not checked`, {line: 1, column: 1}, {
        expected: SPELLING_LANGUAGES,
        actual: locale,
        tip: 'Add the language\'s `dictionary-*` package to the spelling rule\'s table (pipeline/lint/dictionaries.ts), or check the locale\'s tag.',
      })
      return
    }
    const speller = dictionarySpeller(dictionary)
    if (speller.kind === 'missing') {
      // Said once, on the first file: the content was not checked, not clean.
      const what = speller.culprit === dictionary ? `the spelling dictionary \`${dictionary}\` for ${locale}` : `the spell checker \`${speller.culprit}\` to check ${locale}`
      report(first, `Expected ${what}, but ${speller.why}; spelling was not checked`, {line: 1, column: 1}, {
        expected: [speller.culprit],
        // Only what is missing: with the spell checker there, the dictionary.
        tip: speller.culprit === dictionary
          ? `Install the dictionary beside this package to check spelling: \`npm install --save-dev ${dictionary}\`.`
          : `Install the spell checker and the dictionary beside this package to check spelling: \`npm install --save-dev ${SPELL_CHECKER} ${dictionary}\`.`,
      })
      return
    }
    const accepted = (words?.entries ?? []).flatMap((entry) => wordForms(entry.word))
    const used = new Set<string>()
    const budget = {left: SUGGESTION_LIMIT}
    for (const document of documents) {
      const prose = translatedProse(proseOf(document, locale), document, translation?.source, folder)
      for (const {word, place, suggestions} of misspellings(prose, speller, accepted, SUGGESTIONS, budget, used)) {
        const hint = suggestions.length === 0 ? '' : `; did you mean ${suggestions.map(quote).join(', ')}?`
        report(document, `Expected a word the ${locale} dictionary or word list knows, found ${quote(word)}${hint}`, place, {
          expected: suggestions,
          actual: word,
        })
      }
    }
    // A file with an error may have been withheld from the rules (or read
    // only in part): its words are unknown, so no entry is called unused.
    if (words === undefined || sources.some((source) => source.file.messages.some((message) => message.fatal === true))) return
    for (const entry of words.entries) {
      if (wordForms(entry.word).some((form) => used.has(form))) continue
      report(words, `Expected each word in the list to appear in the ${locale} content, found ${quote(entry.word)} in none of it`, entry.position, {
        actual: entry.word,
        tip: 'Delete the word from the list: it no longer excuses anything (add it back when the content uses it).',
      })
    }
  },
}
