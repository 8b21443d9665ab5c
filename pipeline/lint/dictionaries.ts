// The spelling dictionaries: which `dictionary-*` (Hunspell) package spells a
// locale, and Hunspell itself (hunspell-asm, Hunspell compiled to
// WebAssembly) to read them. Both are found beside this module at run time,
// never bundled: an app that checks content installs them when it wants
// spelling (`npm install --save-dev hunspell-asm dictionary-en-gb`), and a
// check without them says so once per locale instead of failing.
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {HunspellFactory} from 'hunspell-asm'

/** The spell checker's package, for messages and install tips. */
export const SPELL_CHECKER = 'hunspell-asm'

// A dictionary package for a whole tag first, else for its language subtag:
// `en-GB` is British, any other English (`en`, `en-US`) American, `es-MX`
// Spanish. Every package is a maintained `dictionary-*` (Hunspell) package.
const DICTIONARY_BY_TAG: Readonly<Record<string, string>> = {'en-gb': 'dictionary-en-gb'}
const DICTIONARY_BY_LANGUAGE: Readonly<Record<string, string>> = {
  en: 'dictionary-en',
  es: 'dictionary-es',
  fr: 'dictionary-fr',
  de: 'dictionary-de',
}

/** Language subtags that have a spelling dictionary, for messages. */
export const SPELLING_LANGUAGES: readonly string[] = Object.keys(DICTIONARY_BY_LANGUAGE)

/**
 * The language subtag of a tag, lower case.
 *
 * @param tag A BCP 47 tag (`en-GB`).
 * @returns `en`.
 */
export const languageOf = (tag: string): string =>
  tag.split(/[-_]/)[0]?.toLowerCase() ?? ''

/**
 * The dictionary package that spells a locale.
 *
 * @param tag A BCP 47 tag (`en-GB`, `es-MX`), any case.
 * @returns The package name, or `undefined` when no dictionary covers the language.
 * @example
 *   dictionaryFor('es-MX') // 'dictionary-es'
 */
export function dictionaryFor(tag: string): string | undefined {
  return DICTIONARY_BY_TAG[tag.toLowerCase()] ?? DICTIONARY_BY_LANGUAGE[languageOf(tag)]
}

/**
 * At most this many unknown words get new suggestions per check of a content
 * folder: suggesting is the slow part of checking (up to a few hundred
 * milliseconds a word in German or French), and hostile content could hold
 * thousands of unknown words. Suggestions are kept by word for the life of
 * the process, so the same misspelling costs once, in a `check --watch`
 * session too; words past the limit are still reported, without suggestions.
 */
export const SUGGESTION_LIMIT = 30

/** A loaded dictionary. */
export interface Speller {
  readonly kind: 'loaded'
  readonly dictionary: string
  /** Whether the dictionary knows a word (as Hunspell judges: affixes, compounds, case). */
  readonly correct: (word: string) => boolean
  /**
   * Suggestions for an unknown word, best first: remembered ones, else new
   * ones while `budget.left` is above zero (each new word takes one).
   */
  readonly suggest: (word: string, budget: {left: number}) => readonly string[]
}

/** A dictionary that could not be loaded (not installed, unreadable), or no spell checker. */
export interface MissingDictionary {
  readonly kind: 'missing'
  readonly dictionary: string
  /** The package to install, or the one at fault: the dictionary, or {@link SPELL_CHECKER}. */
  readonly culprit: string
  /** Why, for the message: `'it is not installed'`, `'reading it failed (EACCES)'`. */
  readonly why: string
}

// Where packages are looked for: beside this module (the repository, or the
// project that installed this package and, next to it, the dictionaries),
// and nowhere else: not the working folder, which could make the installed
// bin pick up whatever a folder it is run in happens to hold. Dictionary
// packages are read as files (`index.aff`, `index.dic`), never imported:
// their `index.js` reads them relative to itself with top-level await, which
// a bundle cannot carry.
// The module's own place: `import.meta.url` in an ES module; in the CommonJS
// build (where esbuild leaves `import.meta` empty), `__filename`. Never the
// other way round: `node -e` defines a global `__filename` of "[eval]".
const requireHere = createRequire(typeof import.meta.url === 'string' ? import.meta.url : __filename)

let checker: Promise<HunspellFactory | string> | undefined
let factory: HunspellFactory | string | undefined

/**
 * Load the spell checker (Hunspell in WebAssembly, about 25 ms) once per
 * process. Content loading awaits it, so the rules can ask for spellers
 * synchronously.
 *
 * @returns When it is loaded, or known to be missing (never rejects).
 */
export async function loadSpellChecker(): Promise<void> {
  checker ??= (async () => {
    let loadModule: typeof import('hunspell-asm').loadModule
    try {
      ;({loadModule} = requireHere(SPELL_CHECKER) as typeof import('hunspell-asm'))
    } catch {
      return 'it is not installed'
    }
    // Emscripten's runtime adds a process-wide `uncaughtException` listener
    // that rethrows, so that any crash afterwards would print its whole
    // minified source: it is taken off again.
    const listeners = new Set(process.listeners('uncaughtException'))
    try {
      return await loadModule()
    } catch (error) {
      return `it failed to start (${String(error)})`
    } finally {
      for (const listener of process.listeners('uncaughtException')) if (!listeners.has(listener)) process.off('uncaughtException', listener)
    }
  })()
  factory = await checker
}

const spellers = new Map<string, Speller | MissingDictionary>()
// Words whose verdict a speller keeps (the shipped content has a few thousand).
const MAX_REMEMBERED = 100_000

/**
 * The speller for a dictionary package, loaded on first use and kept for the
 * life of the process (and so of a `check --watch` session).
 *
 * @param dictionary A `dictionary-*` package name.
 * @returns The speller, or why it could not be loaded (also kept: a missing
 *   package is not looked for again).
 * @throws {Error} When {@link loadSpellChecker} has not finished (a bug in the caller).
 */
export function dictionarySpeller(dictionary: string): Speller | MissingDictionary {
  if (factory === undefined) throw new Error('dictionarySpeller() needs `await loadSpellChecker()` first')
  let speller = spellers.get(dictionary)
  if (speller === undefined) {
    speller = typeof factory === 'string' ? {kind: 'missing', dictionary, culprit: SPELL_CHECKER, why: factory} : loadDictionary(factory, dictionary)
    spellers.set(dictionary, speller)
  }
  return speller
}

function loadDictionary(hunspell: HunspellFactory, dictionary: string): Speller | MissingDictionary {
  const missing = (why: string): MissingDictionary => ({kind: 'missing', dictionary, culprit: dictionary, why})
  let folder: string
  try {
    folder = path.dirname(requireHere.resolve(dictionary))
  } catch {
    return missing('it is not installed')
  }
  let files: string[]
  try {
    files = ['aff', 'dic'].map((extension) => hunspell.mountBuffer(readFileSync(path.join(folder, `index.${extension}`)), `${dictionary}.${extension}`))
  } catch (error) {
    return missing(`reading it failed (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  const [aff = '', dic = ''] = files
  const speller = hunspell.create(aff, dic)
  for (const file of files) hunspell.unmount(file)
  const suggestions = new Map<string, readonly string[]>()
  // Verdicts by word: prose repeats its words, and a watch session or a test
  // suite its files. An uncached Hunspell call costs about 9 µs, a cached one
  // 0.5; without the cache a watch took 211 ms from save to verdict, not 194.
  const verdicts = new Map<string, boolean>()
  return {
    kind: 'loaded',
    dictionary,
    correct(word) {
      let verdict = verdicts.get(word)
      if (verdict === undefined) {
        verdict = speller.spell(word)
        if (verdicts.size < MAX_REMEMBERED) verdicts.set(word, verdict)
      }
      return verdict
    },
    suggest(word, budget) {
      let found = suggestions.get(word)
      if (found === undefined) {
        if (budget.left <= 0) return []
        budget.left--
        found = Object.freeze(speller.suggest(word))
        suggestions.set(word, found)
      }
      return found
    },
  }
}
