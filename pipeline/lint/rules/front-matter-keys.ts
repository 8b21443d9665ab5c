import {type ContentDocument, isHeadingText, ID_PATTERN} from '../../parse/document.js'
import type {FrontMatterEntry} from '../../parse/front-matter.js'
import {readOrdinals} from '../../parse/ordinals.js'
import {canonicalTag} from '../../read/load.js'
import type {LocaleContext, Rule} from '../rule.js'
import {parseRounds} from '../../parse/rounds.js'
import {closestMatch, found, kebabSuggestion} from './shared.js'

interface KeySpec {
  readonly expected: string
  readonly valid: (entry: FrontMatterEntry) => boolean
  /** Whether a file may leave the key out (default: required). */
  readonly optional?: (locale: LocaleContext) => boolean
}

const KEYS: Record<ContentDocument['kind'], Record<string, KeySpec>> = {
  guide: {
    rounds: {
      expected: 'rounds as `2+` (2 and later), `2-4` or `2`',
      valid: ({kind, value}) => kind === 'scalar' && parseRounds(String(value)) !== undefined,
    },
    locale: {
      expected: 'the locale\'s BCP 47 tag, such as `en-GB` or `es`; in a translation, its folder\'s name',
      valid: ({value}) => typeof value === 'string' && canonicalTag(value) === value,
      // The source defaults to en-GB; a translation says which it is.
      optional: (locale) => locale.isSource,
    },
    checklist: {
      expected: 'the text of the locale\'s checklist heading on one line, such as `Lista de comprobación`',
      valid: ({value}) => typeof value === 'string' && isHeadingText(value),
      optional: () => true,
    },
    // The command line's words around the content; their placeholders are known-placeholders'.
    'step-heading': {
      expected: 'a step\'s heading on one line, with `{step}`, `{steps}` and `{title}`, such as `"Step {step} of {steps}: {title}"`',
      valid: ({value}) => typeof value === 'string' && value.trim() !== '' && !value.includes('\n'),
    },
    'round-heading': {
      expected: 'a round\'s checklist heading on one line, with `{round}`, such as `Checklist for your {round} interview`',
      valid: ({value}) => typeof value === 'string' && value.trim() !== '' && !value.includes('\n'),
    },
    // How the locale spells rounds (src/ordinal.ts); parse/ordinals.ts checks what is inside.
    ordinals: {
      expected: 'the locale\'s ordinal words: a map of `forms`, `form-required`, `words` and `beyond`',
      valid: ({kind}) => kind === 'map',
    },
  },
  step: {
    id: {
      expected: 'a kebab-case id such as `make-a-plan`',
      valid: ({value}) => typeof value === 'string' && ID_PATTERN.test(value),
    },
    step: {
      expected: 'the step number, a whole number from 1',
      valid: ({value}) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 1,
    },
    summary: {
      expected: 'a one-sentence summary on one line',
      valid: ({value}) => typeof value === 'string' && value.trim() !== '' && !value.includes('\n'),
    },
  },
}

/** Front matter has exactly the keys its file kind needs, each of the right type. */
export const frontMatterKeys: Rule = {
  id: 'front-matter-keys',
  phase: 'document',
  description: 'Front matter has every required key, of the right type, and no other key.',
  tip: 'A step has exactly `id` (kebab-case), `step` (a whole number) and `summary` (one sentence); `guide.md` has `rounds`, `step-heading`, `round-heading` and `ordinals`, and may have `locale` (required in a translation) and `checklist` (see README.md#editing-the-content).',
  check({guide, steps, folder: locale, report}) {
    for (const document of guide === undefined ? steps : [guide, ...steps]) {
      const frontMatter = document.frontMatter
      if (frontMatter === undefined || frontMatter.problems.length > 0) continue
      const specs = KEYS[document.kind]
      const allowed = Object.keys(specs)
      const listed = allowed.map((k) => `\`${k}\``).join(', ')
      const missing = allowed.filter((key) => !frontMatter.entries.has(key) && specs[key]?.optional?.(locale) !== true)
      // A misspelt key is one mistake, not an unknown key plus a missing one.
      const meant = new Set<string>()
      for (const [key, entry] of frontMatter.entries) {
        const spec = Object.hasOwn(specs, key) ? specs[key] : undefined
        if (spec === undefined) {
          const match = closestMatch(key, missing)
          if (match !== undefined) meant.add(match)
          report(document, `Expected only the front matter keys ${listed}, found unknown key \`${key}\`${match === undefined ? '' : `; did you mean \`${match}\`?`}`, entry.keyPosition, {
            expected: allowed,
            actual: key,
            tip: match === undefined ? `Delete the \`${key}\` line: ${document.kind === 'guide' ? '`guide.md`' : 'a step'} has only ${listed}.` : `Rename the key to \`${match}\`.`,
          })
        } else if (!spec.valid(entry)) {
          const suggestion = key === 'id' && typeof entry.value === 'string' ? kebabSuggestion(entry.value) : ''
          report(document, `Expected \`${key}\` to be ${spec.expected}, found ${describe(entry)}${suggestion}`, entry.valuePosition, {
            expected: [spec.expected],
            actual: String(entry.value),
            tip: `Write \`${key}:\` followed by ${spec.expected}.`,
          })
        } else if (key === 'ordinals') {
          for (const problem of readOrdinals(document, locale.tag).problems) report(document, problem.reason, problem.position, {tip: problem.tip})
        } else if (key === 'locale' && !locale.isSource && entry.value !== locale.tag) {
          report(document, `Expected \`locale: ${locale.tag}\`, the name of the translation's folder, found ${describe(entry)}`, entry.valuePosition, {
            expected: [locale.tag],
            actual: String(entry.value),
            tip: `Write \`locale: ${locale.tag}\`, or move the files to the folder \`locales/${String(entry.value)}/\` if that is the language they are in.`,
          })
        } else if (key === 'summary') {
          const sentences = sentencesOf(String(entry.value))
          if (sentences.length > 1) {
            report(document, `Expected \`summary\` to be one sentence, found ${sentences.length}: the second starts ${found(sentences[1])}`, entry.valuePosition, {
              expected: ['1'],
              actual: String(sentences.length),
              tip: 'Sum the step up in one sentence; the paragraphs below the title are the place for more.',
            })
          }
        }
      }
      for (const key of missing) {
        if (meant.has(key)) continue
        report(document, `Expected front matter key \`${key}\` (${specs[key]?.expected ?? ''}), found none`, frontMatter.node, {
          expected: [key],
          tip: key === 'ordinals'
            ? 'Copy the `ordinals:` block of content/guide.md (or of a locale of the same language) into the front matter and write this language\'s words in it (see the Ordinals section of the content guide, linked from README.md#editing-the-content).'
            : `Add a \`${key}:\` line to the front matter, between the \`---\` lines.`,
        })
      }
    }
  },
}

const segmenter = new Intl.Segmenter('en-GB', {granularity: 'sentence'})

// Sentences by Unicode's rules (ICU): "e.g. this" stays one sentence.
function sentencesOf(text: string): string[] {
  return [...segmenter.segment(text.trim())].map(({segment}) => segment.trim()).filter((segment) => segment !== '')
}

const KIND_NAMES: Record<Exclude<FrontMatterEntry['kind'], 'scalar'>, string> = {null: 'nothing', map: 'a map', seq: 'a list'}

function describe(entry: FrontMatterEntry): string {
  return entry.kind === 'scalar' ? found(entry.value) : KIND_NAMES[entry.kind]
}
