import type {Rule} from '../rule.js'
import {parseReplaces} from '../../release/published-ids.js'
import {parseRounds} from '../../parse/rounds.js'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {matchesInSource, ID_PATTERN} from '../../parse/document.js'
import {closestMatch, found, kebabSuggestion} from './shared.js'

// An attribute block with spaces inside its braces, `{ #id rounds=2+ }`,
// which the parser does not take for one (and known-placeholders leaves alone).
const LOOSE_BLOCK = /\{[ \t]*#[ \t]*([^{}\s]*)((?:[ \t]+[^{}\s]+)*)[ \t]*\}[ \t]*$/g

/** Keys an item's attribute block may have besides its `#id`. */
const ITEM_ATTRIBUTE_KEYS = ['rounds', 'replaces'] as const

/** Each item ends with `{#id rounds=…}`: a kebab-case id and the rounds it applies to. */
export const itemAttributes: Rule = {
  id: 'item-attributes',
  phase: 'document',
  description: 'Each checklist item ends with `{#item-id rounds=2+}`: a kebab-case id and its rounds (and, for a rename, `replaces=old-id`), nothing else.',
  tip: 'End the item with `{#some-id rounds=2+}`; rounds are `2+` (2 and later), `2-4` or `2`.',
  check({steps, report}) {
    for (const document of steps) {
      for (const entry of document.items) {
        if (entry.paragraph === undefined) continue
        const attributes = entry.attributes
        if (attributes === undefined) {
          const loose = looseBlock(document.file, entry.node)
          if (loose === undefined) {
            report(document, 'Expected the item to end with `{#item-id rounds=…}`, found none', entry.node.position?.end, {
              tip: 'End the item with a new, unique id and its rounds, e.g. `{#send-thank-you-email rounds=2+}`; never reuse a published id.',
            })
          } else {
            report(document, `Expected the attribute block without spaces inside its braces, \`${loose.fixed}\`, found \`${loose.text}\``, loose.position, {
              expected: [loose.fixed],
              actual: loose.text,
              tip: `Write it as \`${loose.fixed}\`: \`{#\` together, and \`}\` right after the last attribute.`,
            })
          }
          continue
        }
        const {position} = attributes
        if (!ID_PATTERN.test(attributes.id)) {
          report(document, `Expected a kebab-case item id after \`{#\`, found ${found(attributes.id)}${kebabSuggestion(attributes.id)}`, position, {
            actual: attributes.id,
            tip: 'Write the id in lowercase words joined by hyphens, right after `{#` (`{#send-thank-you-email …}`).',
          })
        }
        for (const part of attributes.malformed) {
          report(document, `Expected attributes as \`key=value\` once each, found ${found(part)}`, position, {
            actual: part,
            tip: 'Write each attribute once, as `key=value` with no spaces around `=`.',
          })
        }
        // A misspelt `rounds` is one mistake, not also a missing `rounds`.
        let meantRounds = false
        for (const [key, value] of attributes.pairs) {
          if (!(ITEM_ATTRIBUTE_KEYS as readonly string[]).includes(key)) {
            const meant = closestMatch(key, ITEM_ATTRIBUTE_KEYS.filter((known) => !attributes.pairs.has(known)))
            if (meant === 'rounds') meantRounds = true
            report(document, `Expected only the attributes ${ITEM_ATTRIBUTE_KEYS.map((k) => `\`${k}\``).join(' and ')}, found \`${key}\`${meant === undefined ? '' : `; did you mean \`${meant}\`?`}`, position, {
              expected: [...ITEM_ATTRIBUTE_KEYS],
              actual: key,
              ...(meant === undefined ? {} : {tip: `Rename \`${key}=\` to \`${meant}=\`.`}),
            })
          } else if (key === 'replaces') {
            if (parseReplaces(value) === undefined) {
              report(document, `Expected \`replaces\` as the old item ids separated by commas (\`old-a,old-b\`), found ${found(value)}`, position, {
                actual: value,
                tip: 'Write the ids the item replaces as kebab-case ids separated by commas, with no spaces: `replaces=old-a,old-b`.',
              })
            }
          } else if (parseRounds(value) === undefined) {
            report(document, `Expected \`rounds\` as \`2+\`, \`2-4\` or \`2\`, found ${found(value)}`, position, {
              actual: value,
              tip: 'Write the rounds as `2+` (round 2 and later), `2-4` (rounds 2 to 4) or `2` (round 2 only).',
            })
          }
        }
        if (!attributes.pairs.has('rounds') && !meantRounds) {
          report(document, 'Expected a `rounds=…` attribute saying which rounds the item applies to, found none', position, {
            tip: 'Add `rounds=2+` (or `2-4`, `2`) after the id, inside the braces.',
          })
        }
      }
    }
  },
}

// The item's last `{ #… }` when it is an attribute block with stray spaces.
function looseBlock(file: VFile, node: {position?: Position | undefined}): {text: string; fixed: string; position: Position} | undefined {
  const match = matchesInSource(file, node, LOOSE_BLOCK).at(-1)
  if (match === undefined) return undefined
  const [id = '', rest = ''] = match.groups
  const text = match.text.trim()
  return {text, fixed: `{#${id}${rest.trim() === '' ? '' : ` ${rest.trim().split(/[ \t]+/).join(' ')}`}}`, position: match.position}
}
