// A locale's ordinals (src/ordinal.ts) as its guide.md's front matter writes
// them under `ordinals:` (content/README.md#ordinals), checked: each problem
// at its place in the front matter. Every row names every form and `beyond`
// is required, so a form the data defines is defined for every round.
import {isMap, isScalar, isSeq} from 'yaml'
import type {OrdinalRow, OrdinalWord, Ordinals} from '../../src/ordinal.js'
import {type ContentDocument, entry} from './document.js'
import type {FrontMatterProblem} from './front-matter.js'
import {closestMatch} from '../lint/rules/shared.js'

/** A locale's ordinals, and whether every placeholder must name a form (`form-required: true`). */
export type LocaleOrdinals = {readonly ordinals: Ordinals; readonly formRequired: boolean}

type Ranged = {readonly range?: readonly [number, number, ...number[]] | null | undefined}

const KEYS = ['forms', 'form-required', 'words', 'beyond']
// Intl.PluralRules' categories: `beyond` may pick its pattern by them.
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other']
const TIP = 'Under `ordinals:`, `words` has one line per round from 1, a word or `[one, per, form]` in the order of `forms`; `beyond` spells the later rounds, `{n}` standing for the number (see the Ordinals section of the content guide, linked from README.md#editing-the-content).'
const PLURAL_MAP = '; a pattern may be a map by plural category with `other` (`{one: "{n}st", other: "{n}th"}`)'

const shown = (node: unknown): string =>
  isScalar(node) ? (node.value === null ? 'nothing' : `\`${String(node.value)}\``) : isMap(node) ? 'a map' : isSeq(node) ? 'a list' : 'nothing'

/**
 * Read and check a guide.md's `ordinals:`.
 *
 * @param guide The locale's guide.md, parsed.
 * @param tag The locale's tag (for `Intl.PluralRules`).
 * @returns The ordinals when the data is sound (`undefined` when absent or not), and its problems.
 * @example
 *   readOrdinals(guide, 'es').ordinals?.ordinals.forms // ['f', 'm']
 */
export function readOrdinals(guide: ContentDocument | undefined, tag: string): {ordinals: LocaleOrdinals | undefined; problems: FrontMatterProblem[]} {
  const found = guide === undefined ? undefined : entry(guide, 'ordinals')
  const frontMatter = guide?.frontMatter
  const problems: FrontMatterProblem[] = []
  if (found === undefined || frontMatter === undefined || !isMap(found.node)) return {ordinals: undefined, problems}
  const report = (node: Ranged | undefined, reason: string, tip = TIP): void => {
    problems.push({reason, position: node === undefined ? found.keyPosition : frontMatter.place(node), tip})
  }
  const values = new Map<string, unknown>()
  for (const pair of found.node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    if (KEYS.includes(key)) values.set(key, pair.value)
    else report(pair.key as Ranged, `Expected only ${KEYS.map((known) => `\`${known}\``).join(', ')} in \`ordinals\`, found ${shown(pair.key)}`)
  }

  const formsNode = values.get('forms')
  const forms = isSeq(formsNode) ? formsNode.items.map((item) => (isScalar(item) ? String(item.value) : '')) : []
  // Lines are judged against sound forms only: one mistake, one problem.
  const formsBroken = formsNode !== undefined && (!isSeq(formsNode) || forms.some((form, index) => !/^[\p{L}\p{N}]+$/u.test(form) || forms.indexOf(form) !== index))
  if (formsBroken) {
    report(formsNode as Ranged, `Expected \`forms\` to be a list of distinct names of letters and digits, such as \`[f, m]\`, found ${isSeq(formsNode) ? `\`[${forms.join(', ')}]\`` : shown(formsNode)}`)
  }
  const required = values.get('form-required')
  if (required !== undefined && !(isScalar(required) && typeof required.value === 'boolean')) {
    report(required as Ranged, `Expected \`form-required\` to be \`true\` or \`false\`, found ${shown(required)}`)
  } else if (isScalar(required) && required.value === true && forms.length === 0) {
    report(required, 'Expected `forms` to name the forms that `form-required: true` requires, found none', 'List the forms (`forms: [f, m]`), or delete `form-required`.')
  }

  const word = (node: unknown): OrdinalWord | undefined => {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value
    if (!isMap(node)) return undefined
    const byCategory: Record<string, string> = {}
    for (const pair of node.items) {
      const category = isScalar(pair.key) ? String(pair.key.value) : ''
      const pattern = word(pair.value)
      if (!CATEGORIES.includes(category) || typeof pattern !== 'string') return undefined
      byCategory[category] = pattern
    }
    return byCategory['other'] === undefined ? undefined : (byCategory as OrdinalWord)
  }
  const row = (node: unknown, what: string, patterns = ''): OrdinalRow | undefined => {
    if (formsBroken) return undefined
    // `- second` then `     - third`, one space too far: YAML folds the two
    // lines into one plain word, `second - third`.
    if (isScalar(node) && node.type === 'PLAIN' && /\s-\s/.test(String(node.value))) {
      report(node as Ranged, `Expected ${what} to be one line, found ${shown(node)}: the line after it is indented more than the others, so it was read as part of it`)
      return undefined
    }
    const cells = isSeq(node) ? node.items.map(word) : [word(node)]
    const shaped = !isSeq(node) || (forms.length > 0 && cells.length === forms.length)
    // `- terzo, terza`: a list without its brackets.
    const unbracketed = forms.length > 0 && !isSeq(node) && typeof cells[0] === 'string' && cells[0].includes(',')
    if (!unbracketed && shaped && cells.every((cell) => cell !== undefined)) return isSeq(node) ? (cells as OrdinalWord[]) : cells[0]
    const expected = forms.length === 0 ? 'a word' : `a word, or ${forms.length} in a list, one per form (${forms.map((form) => `\`${form}\``).join(', ')})`
    const suggestion = unbracketed ? ` (write \`[${String(cells[0]).split(',').map((part) => part.trim()).join(', ')}]\` for one per form)` : ''
    report(node as Ranged, `Expected ${what} to be ${expected}${patterns}, found ${isSeq(node) ? `a list of ${cells.length}` : shown(node)}${suggestion}`)
    return undefined
  }
  const wordsNode = values.get('words')
  if (wordsNode !== undefined && !isSeq(wordsNode)) report(wordsNode as Ranged, `Expected \`words\` to be a list, one line per round from 1, found ${shown(wordsNode)}`)
  const words = isSeq(wordsNode) ? wordsNode.items.map((item, index) => row(item, `round ${index + 1}'s line in \`words\``)) : []
  const beyondNode = values.get('beyond')
  // A misspelt `beyond` is one mistake, reported as the unknown key.
  const misspelt = found.node.items.some((pair) => isScalar(pair.key) && !KEYS.includes(String(pair.key.value)) && closestMatch(String(pair.key.value), ['beyond']) !== undefined)
  if (beyondNode === undefined && !misspelt) report(undefined, 'Expected `beyond` in `ordinals` (how rounds past `words` are spelt, such as `"{n}."`), found none', 'Add `beyond:` under `ordinals:`: rounds have no end, so every round needs a word.')
  const beyond = beyondNode === undefined ? undefined : row(beyondNode, '`beyond`', PLURAL_MAP)
  if (beyond !== undefined) {
    // Each pattern as written: a list's items, a plural map's values.
    const patterns = (node: unknown): unknown[] => (isSeq(node) ? node.items.flatMap(patterns) : isMap(node) ? node.items.map((pair) => pair.value) : [node])
    for (const pattern of patterns(beyondNode)) {
      if (isScalar(pattern) && !String(pattern.value).includes('{n}')) report(pattern, `Expected each pattern in \`beyond\` to hold \`{n}\` (the round's number, as in \`"{n}th"\`), found ${shown(pattern)}`)
    }
  }
  if (problems.length > 0 || beyond === undefined) return {ordinals: undefined, problems}
  return {ordinals: {ordinals: {locale: tag, forms, words: words as OrdinalRow[], beyond}, formRequired: isScalar(required) && required.value === true}, problems}
}

/**
 * The ordinals of a locale whose guide.md passed the lint.
 *
 * @param guide The locale's guide.md, parsed.
 * @param tag The locale's tag.
 * @returns Its ordinals.
 * @throws {Error} When they are absent or malformed (the lint reports that first).
 */
export function lintedOrdinals(guide: ContentDocument | undefined, tag: string): Ordinals {
  const {ordinals} = readOrdinals(guide, tag)
  if (ordinals === undefined) throw new Error(`expected the ordinals of ${tag} to have passed the lint, received none or malformed ones`)
  return ordinals.ordinals
}
