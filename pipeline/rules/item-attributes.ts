import type {Rule} from '../rule.js'
import {parseReplaces} from '../history.js'
import {parseRounds} from '../rounds.js'
import {ID_PATTERN, found} from './shared.js'

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
          report(document, 'Expected the item to end with `{#item-id rounds=…}`, found none', entry.node.position?.end)
          continue
        }
        const {position} = attributes
        if (!ID_PATTERN.test(attributes.id)) {
          report(document, `Expected a kebab-case item id after \`{#\`, found ${found(attributes.id)}`, position, {actual: attributes.id})
        }
        for (const part of attributes.malformed) {
          report(document, `Expected attributes as \`key=value\` once each, found ${found(part)}`, position, {actual: part})
        }
        for (const [key, value] of attributes.pairs) {
          if (!(ITEM_ATTRIBUTE_KEYS as readonly string[]).includes(key)) {
            report(document, `Expected only the attributes ${ITEM_ATTRIBUTE_KEYS.map((k) => `\`${k}\``).join(', ')}, found \`${key}\``, position, {expected: [...ITEM_ATTRIBUTE_KEYS], actual: key})
          } else if (key === 'replaces') {
            if (parseReplaces(value) === undefined) report(document, `Expected \`replaces\` as the old item ids separated by commas (\`old-a,old-b\`), found ${found(value)}`, position, {actual: value})
          } else if (parseRounds(value) === undefined) {
            report(document, `Expected \`rounds\` as \`2+\`, \`2-4\` or \`2\`, found ${found(value)}`, position, {actual: value})
          }
        }
        if (!attributes.pairs.has('rounds')) {
          report(document, 'Expected a `rounds=…` attribute saying which rounds the item applies to, found none', position)
        }
      }
    }
  },
}
