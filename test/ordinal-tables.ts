// Ordinal words as each locale's guide.md writes them (`ordinals:`), read
// here with `yaml` and spelt by this file's own reading of
// content/README.md#ordinals, apart from src/ordinal.ts and
// pipeline/parse/ordinals.ts: what the tests of rendered checklists and
// headings expect a placeholder to read. A new locale needs nothing here.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'
import {ROOT} from './helpers.js'

type Word = string | Record<string, string>
interface Data {
  forms?: string[]
  words?: Array<Word | Word[]>
  beyond: Word | Word[]
}

const OFFSETS: Record<string, number> = {previous: -1, round: 0, next: 1}
export const PLACEHOLDER = /\{(round|previous|next)(?::([^{}]*))?\}/g

const frontMatter = (file: string): {locale?: string; ordinals: Data} =>
  parse(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(path.join(ROOT, 'content', file), 'utf8'))![1]!) as {locale?: string; ordinals: Data}

const cache = new Map<string, Data>()
function ordinalsOf(tag: string): Data {
  let data = cache.get(tag)
  if (data === undefined) {
    const source = frontMatter('guide.md')
    cache.set(tag, (data = ((source.locale ?? 'en-GB') === tag ? source : frontMatter(path.join('locales', tag, 'guide.md'))).ordinals))
  }
  return data
}

/**
 * A round as a locale's content spells it.
 *
 * @param tag The locale, e.g. `'de'`.
 * @param n The round.
 * @param form The form a placeholder names (default: the first).
 * @returns The word.
 */
export function expectedOrdinal(tag: string, n: number, form?: string): string {
  const {forms = [], words = [], beyond} = ordinalsOf(tag)
  const row = words[n - 1] ?? beyond
  const word = Array.isArray(row) ? row[form === undefined ? 0 : forms.indexOf(form)] : row
  if (word === undefined) throw new Error(`no ordinal for round ${n} in form ${String(form)} in ${tag}'s guide.md`)
  const pattern = typeof word === 'string' ? word : (word[new Intl.PluralRules(tag, {type: 'ordinal'}).select(n)] ?? word['other']!)
  return pattern.replaceAll('{n}', String(n))
}

/**
 * A template as it should read in a round, in a locale's ordinals.
 *
 * @param template Text with `{round}`, `{previous}`, `{next}`, maybe with forms (`{next:en}`).
 * @param round The round.
 * @param tag The locale the text is in (`'de'`).
 * @returns The text with each placeholder replaced by the expected word.
 */
export function expectedText(template: string, round: number, tag: string): string {
  return template.replace(PLACEHOLDER, (_whole, name: string, form: string | undefined) => expectedOrdinal(tag, round + OFFSETS[name]!, form))
}
