import {visit} from 'unist-util-visit'
import {quote} from '../../../src/describe.js'
import {PLACEHOLDER_OFFSETS} from '../../../src/template.js'
import {type ContentDocument, matchesInSource, entry} from '../../parse/document.js'
import {type LocaleOrdinals, readOrdinals} from '../../parse/ordinals.js'
import type {ReportDetail, Rule, RuleContext} from '../rule.js'
import {itemIdOf, untranslatedUnits} from '../../parse/parity.js'
import {parseRounds} from '../../parse/rounds.js'
import {didYouMean, found} from './shared.js'

const NAMES = Object.keys(PLACEHOLDER_OFFSETS)
const LIST = NAMES.map((name) => `\`{${name}}\``).join(', ')
// Any `{…}` but the item's own `{#id …}` block.
const BRACES = /\{(?!#)([^{}\n]*)\}/g
// A brace written as a character reference: decoded, a live placeholder nobody typed.
const BRACE_REFERENCE = /&(?:#0{0,5}12[35]|#[xX]0{0,4}7[bBdD]|[lr](?:brace|cub));/g

/** What is wrong with an ordinal placeholder's form in a locale, if anything. */
function formProblem(ordinals: LocaleOrdinals | undefined, tag: string, name: string, form: string | undefined, written: string): {reason: string; hint: string; detail: ReportDetail} | undefined {
  if (ordinals === undefined) return undefined
  const defined = ordinals.ordinals.forms
  const forms = defined.map((known) => `\`{${name}:${known}}\``)
  const expected = defined.map((known) => `${name}:${known}`)
  if (form !== undefined && !defined.includes(form)) {
    return defined.length === 0
      ? {reason: `Expected \`{${name}}\` without a form (ordinals in \`${tag}\` have none)`, hint: '', detail: {expected: [name], actual: written, tip: `Write \`{${name}}\`: the ordinal has one form in this language; if it has more, name them in \`forms:\` under \`ordinals:\` in guide.md (such as \`forms: [m, f]\`), a line of \`words\` one word per form where they differ (\`- [primo, prima]\`).`}}
      : {
          reason: `Expected one of ${forms.join(', ')} (the forms ordinals take in \`${tag}\`)`,
          hint: didYouMean(form, defined, (known) => `\`{${name}:${known}}\``),
          detail: {expected, actual: written, tip: `Name the form the ordinal takes before its noun: ${forms.join(' or ')}.`},
        }
  }
  if (form === undefined && ordinals.formRequired) {
    return {
      reason: `Expected \`{${name}}\` with a form in \`${tag}\`, ${forms.join(' or ')}`,
      hint: '',
      detail: {expected, actual: written, tip: `Ordinals agree with their noun in this language: write ${forms.join(' or ')}, the form the noun after it needs.`},
    }
  }
  return undefined
}

// The labels in guide.md: the placeholders each may use, and those it must.
const LABELS = {
  'step-heading': {names: ['step', 'steps', 'title'], required: ['step', 'title'], ordinal: false},
  'round-heading': {names: NAMES, required: ['round'], ordinal: true},
} as const

function checkLabels(document: ContentDocument, ordinals: LocaleOrdinals | undefined, tag: string, report: RuleContext['report']): void {
  for (const [key, spec] of Object.entries(LABELS)) {
    const label = entry(document, key)
    if (typeof label?.value !== 'string') continue
    const known = spec.names.map((name) => `\`{${name}}\``).join(', ')
    const used = new Set<string>()
    for (const match of label.value.matchAll(BRACES)) {
      const [name = '', form] = (match[1] ?? '').split(':')
      used.add(name)
      const names: readonly string[] = spec.names
      const problem = !names.includes(name)
        ? {reason: `Expected only ${known} in \`${key}\``, hint: didYouMean(name.trim(), names, (candidate) => `\`{${candidate}}\``), detail: {expected: names, actual: name, tip: `Spell each placeholder of \`${key}\` exactly as one of ${known}.`}}
        : spec.ordinal
          ? formProblem(ordinals, tag, name, form, match[1] ?? '')
          : form === undefined ? undefined : {reason: `Expected \`{${name}}\` without a form (it is a number or a title)`, hint: '', detail: {expected: [name], actual: match[1] ?? '', tip: `Write \`{${name}}\`.`}}
      if (problem !== undefined) report(document, `${problem.reason}, found \`${match[0]}\`${problem.hint}`, label.valuePosition, problem.detail)
    }
    for (const name of spec.required) {
      if (!used.has(name)) {
        report(document, `Expected \`{${name}}\` in \`${key}\`, found ${found(label.value)}`, label.valuePosition, {
          expected: [name],
          actual: label.value,
          tip: `Write \`{${name}}\` where the ${name === 'round' ? 'round\'s ordinal' : name === 'title' ? 'step\'s title' : 'step\'s number'} goes, e.g. \`${key === 'step-heading' ? 'Step {step} of {steps}: {title}' : 'Checklist for your {round} interview'}\`.`,
        })
      }
    }
  }
}

/** Checklist items use only known placeholders; nothing else uses braces. */
export const knownPlaceholders: Rule = {
  id: 'known-placeholders',
  phase: 'document',
  description: `Checklist text uses only ${LIST} (with a form, \`{next:f}\`, where the locale's \`ordinals\` have forms); titles, summaries, bodies and links' URLs and titles use none (they are not rendered per round), and no brace is written as a character reference; guide.md's \`step-heading\` uses \`{step}\`, \`{title}\` (and \`{steps}\`), its \`round-heading\` \`{round}\` (and the checklist's others), in the locale's forms.`,
  tip: `Use ${LIST} in checklist items only, spelt exactly so; braces are reserved for them.`,
  check({guide, steps, folder: locale, translation, coveredRounds, report}) {
    const ordinals = readOrdinals(guide, locale.tag).ordinals
    // A copy of a source item is the source's text, checked there (in the source's ordinals).
    const copies = translation?.source === undefined ? undefined : untranslatedUnits(translation.source, locale, guide, steps)
    for (const document of guide === undefined ? steps : [guide, ...steps]) {
      for (const node of document.tree.children) {
        if (node.type === 'yaml') continue
        // Without its checklist heading (heading-structure's to report), a step's
        // list is still its checklist, not text outside it.
        // Code under the heading (items indented with a tab) is checklist-items' to report, once.
        const inChecklist = document.checklistSection.includes(node) ? node.type === 'list' || node.type === 'code' : node.type === 'list' && document.kind === 'step' && document.checklistHeading === undefined
        if (inChecklist) continue
        for (const match of matchesInSource(document.file, node, BRACES)) {
          report(document, `Expected no placeholder outside checklist items, found \`${match.text}\``, match.position, {
            actual: match.text,
            tip: 'Only checklist items are worded per round: write the title and body without braces (name the round in words, or move the sentence into an item).',
          })
        }
      }
      const summary = entry(document, 'summary')
      if (typeof summary?.value === 'string' && /[{}]/.test(summary.value)) {
        report(document, 'Expected no braces in the summary (placeholders only work in checklist items)', summary.valuePosition, {
          tip: 'Write the summary without braces: it is not worded per round.',
        })
      }
      // Labels still the source's (a guide.md copied to be translated) are spelt in the source's ordinals.
      if (document.kind === 'guide' && copies?.introduction !== true) checkLabels(document, ordinals, locale.tag, report)
      for (const item of document.items) {
        if (copies?.items.has(itemIdOf(item) ?? '') === true) continue
        const rounds = parseRounds(item.attributes?.pairs.get('rounds') ?? '')
        // Only text is filled per round: a link's URL and title keep their braces.
        visit(item.node, 'link', (link) => {
          const braced = [link.url, link.title ?? ''].find((text) => /[{}]/.test(text))
          if (braced !== undefined) {
            report(document, `Expected placeholders only in an item's text, found braces in a link's URL or title: ${quote(braced)}`, link, {
              tip: 'Placeholders are filled in the text only: word the link the same for every round.',
            })
          }
        })
        for (const match of matchesInSource(document.file, item.node, BRACE_REFERENCE)) {
          report(document, `Expected braces typed as themselves, found \`${match.text}\` (braces are reserved for placeholders)`, match.position, {
            tip: 'Type `{round}`, `{previous}` or `{next}` with plain braces; other braces cannot be written in a checklist item.',
          })
        }
        for (const match of matchesInSource(document.file, item.node, BRACES)) {
          const written = match.groups[0] ?? ''
          // The form is all after the first colon (`{next:f:x}` has the form `f:x`).
          const [name = '', form] = written.split(/:(.*)/s)
          // `{ #id rounds=2+ }` is a mis-spaced attribute block, which
          // item-attributes reports; it is no placeholder.
          if (item.attributes === undefined && /^\{[ \t]*#/.test(match.text)) continue
          const problem = NAMES.includes(name) ? formProblem(ordinals, locale.tag, name, form, written) : undefined
          if (!NAMES.includes(name)) {
            // `{ round }` is `{round}` with spaces; anything else may be a misspelling.
            const suggestion = NAMES.includes(name.trim())
              ? `; did you mean \`{${name.trim()}}\`?`
              : didYouMean(name.trim(), NAMES, (candidate) => `\`{${candidate}}\``)
            report(document, `Expected one of ${LIST}, found \`${match.text}\`${suggestion}`, match.position, {
              expected: NAMES,
              actual: name,
              tip: `Spell the placeholder exactly as one of ${LIST}; braces are reserved for placeholders.`,
            })
          } else if (problem !== undefined) {
            report(document, `${problem.reason}, found \`${match.text}\`${problem.hint}`, match.position, problem.detail)
          } else if (name === 'previous' && rounds !== undefined && rounds.from < 2 && (coveredRounds?.from ?? 1) < 2) {
            // Only where the guide covers round 1: an item reaching outside the guide's rounds is item-rounds' to report, once.
            report(document, 'Expected `{previous}` only in items that start at round 2 or later, found it in an item for round 1', match.position, {
              tip: 'Start the item at round 2 (`rounds=2+`), or reword it without `{previous}`: round 1 has no previous round.',
            })
          }
        }
      }
    }
  },
}
