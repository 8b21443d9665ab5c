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
        // `{# id …}` parses as a block with no id and a stray `id` part: the
        // stray space of `{ #id }`, one mistake (`{# rounds=2+}` lacks its id).
        const loose = attributes === undefined || (attributes.id === '' && attributes.malformed.length > 0) ? looseBlock(document.file, entry.node) : undefined
        if (attributes === undefined || loose !== undefined) {
          const broken = loose === undefined ? brokenBlock(document.file, entry.node) : undefined
          if (broken !== undefined) {
            report(document, `Expected the item to end with \`{#item-id rounds=…}\`, found ${broken.what}`, broken.position, {actual: broken.actual, tip: broken.tip})
          } else if (loose === undefined) {
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
        // Only the last block is the item's: another (an old id left in place) would be built into its text.
        for (const extra of matchesInSource(document.file, entry.node, /\{#[^{}\n]*\}/g).slice(0, -1)) {
          report(document, `Expected one \`{#…}\` block, closing the item, found another before it: ${found(extra.text)}`, extra.position, {
            actual: extra.text,
            tip: "Delete the block that is not the item's: the last one is its id and rounds.",
          })
        }
        if (!ID_PATTERN.test(attributes.id)) {
          report(document, `Expected a kebab-case item id after \`{#\`, found ${found(attributes.id)}${kebabSuggestion(attributes.id)}`, position, {
            actual: attributes.id,
            tip: 'Write the id in lowercase words joined by hyphens, right after `{#` (`{#send-thank-you-email …}`).',
          })
        }
        // `rounds = 2+`: spaces around `=` split one attribute into parts; one mistake, not one per part.
        const spaced = /([^\s{}=]+)([ \t]+=[ \t]*|=[ \t]+)([^\s{}=]*)/.exec(matchesInSource(document.file, entry.node, /\{#[^{}\n]*\}/g).at(-1)?.text ?? '')
        if (spaced !== null) {
          const [text, key, , value] = spaced as unknown as [string, string, string, string]
          report(document, `Expected \`${key}=${value}\`, with no spaces around \`=\`, found ${found(text)}`, position, {
            expected: [`${key}=${value}`],
            actual: text,
            tip: `Write \`${key}=${value}\`: an attribute is one word.`,
          })
          continue
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
  const fixed = `{#${id}${rest.trim() === '' ? '' : ` ${rest.trim().split(/[ \t]+/).join(' ')}`}}`
  // Written as it should be, yet not read as a block: markdown inside it, for brokenBlock to name.
  return fixed === text ? undefined : {text, fixed, position: match.position}
}

// The item's last `{#…` when it is there but does not close the item: text
// after its `}`, no `}` at all, or a character inside other than a space or tab.
function brokenBlock(file: VFile, node: {position?: Position | undefined}): {what: string; actual: string; tip: string; position: Position} | undefined {
  const match = matchesInSource(file, node, /\{#(?:(?!\{#)[^])*$/g).at(-1)
  if (match === undefined) return undefined
  const close = match.text.indexOf('}')
  const after = close === -1 ? '' : match.text.slice(close + 1).trim()
  const odd = /[^\S \t]|\p{Cf}/u.exec(close === -1 ? match.text.trimEnd() : match.text.slice(0, close))
  if (odd !== null) {
    const code = `U+${odd[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
    return {what: `${code} inside its braces, where only plain spaces go`, actual: code, tip: `Replace ${code} inside \`{#…}\` with a plain space (or delete it).`, position: match.position}
  }
  if (close === -1) return {what: `${found(match.text.trimEnd())} with no closing \`}\``, actual: match.text.trimEnd(), tip: 'Close the block with `}` at the end of the item.', position: match.position}
  if (after !== '') return {what: `text after its \`}\`: ${found(after)}`, actual: after, tip: 'Move the text before `{#…}`: the block closes the item.', position: match.position}
  // Whole and closing the item, yet the parser took part of it for emphasis, code or a link (`{#__id__ …}`).
  const text = match.text.trim()
  return {
    what: `markdown (emphasis, code or a link) inside ${found(text)}`,
    actual: text,
    tip: 'Write the id in lowercase words joined by hyphens, and nothing in the block that markdown reads as emphasis, code or a link (`_`, `*`, backticks, brackets).',
    position: match.position,
  }
}
