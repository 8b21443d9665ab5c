import type {ContentDocument} from '../document.js'
import type {FrontMatterEntry} from '../front-matter.js'
import type {Rule} from '../rule.js'
import {parseRounds} from '../rounds.js'
import {ID_PATTERN, found} from './shared.js'

interface KeySpec {
  readonly expected: string
  readonly valid: (entry: FrontMatterEntry) => boolean
}

const KEYS: Record<ContentDocument['kind'], Record<string, KeySpec>> = {
  guide: {
    rounds: {
      expected: 'rounds as `2+` (2 and later), `2-4` or `2`',
      valid: ({kind, value}) => kind === 'scalar' && parseRounds(String(value)) !== undefined,
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
  tip: 'See content/README.md for the keys of `guide.md` (rounds) and of a step (id, step, summary).',
  check({guide, steps, report}) {
    for (const document of guide === undefined ? steps : [guide, ...steps]) {
      const frontMatter = document.frontMatter
      if (frontMatter === undefined || frontMatter.problems.length > 0) continue
      const specs = KEYS[document.kind]
      const allowed = Object.keys(specs)
      for (const [key, entry] of frontMatter.entries) {
        const spec = Object.hasOwn(specs, key) ? specs[key] : undefined
        if (spec === undefined) {
          report(document, `Expected only the front matter keys ${allowed.map((k) => `\`${k}\``).join(', ')}, found unknown key \`${key}\``, entry.keyPosition, {expected: allowed, actual: key})
        } else if (!spec.valid(entry)) {
          report(document, `Expected \`${key}\` to be ${spec.expected}, found ${describe(entry)}`, entry.valuePosition, {expected: [spec.expected], actual: String(entry.value)})
        }
      }
      for (const key of allowed) {
        if (!frontMatter.entries.has(key)) {
          report(document, `Expected front matter key \`${key}\` (${specs[key]?.expected ?? ''}), found none`, frontMatter.node, {expected: [key]})
        }
      }
    }
  },
}

const KIND_NAMES: Record<Exclude<FrontMatterEntry['kind'], 'scalar'>, string> = {null: 'nothing', map: 'a map', seq: 'a list'}

function describe(entry: FrontMatterEntry): string {
  return entry.kind === 'scalar' ? found(entry.value) : KIND_NAMES[entry.kind]
}
