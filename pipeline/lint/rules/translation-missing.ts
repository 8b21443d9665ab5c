import path from 'node:path'
import {indexSource, itemIdOf, placeOf, releasedShapes, untranslatedUnits} from '../../parse/parity.js'
import {readOrdinals} from '../../parse/ordinals.js'
import type {Rule} from '../rule.js'
import {stepIdOf, stepNumberOf} from '../../parse/document.js'

/**
 * Every source step and item has a translation. One that has none is shipped
 * in the source's words (a fallback), so this is a warning: the build goes
 * on, `check --strict` fails.
 */
export const translationMissing: Rule = {
  id: 'translation-missing',
  phase: 'document',
  severity: 'warning',
  description: 'Every step and checklist item of the source has a translation in each locale, and none is still a copy of the source\'s words (a warning: an untranslated one is shipped in the source\'s words).',
  tip: 'Translate it (copy the source\'s step file or item line, ids and attributes included, translate the words and write the checklist heading as the locale\'s guide.md names it), then mark it current with `npm run content:translated -- <locale> <id>`.',
  check({guide, steps, folder: locale, translation, manifest, report}) {
    const source = translation?.source
    if (locale.isSource || source === undefined || guide === undefined || locale.tag === locale.sourceTag) return
    const index = indexSource(source)
    const copies = untranslatedUnits(source, locale, guide, steps)
    const translated = new Map(steps.map((document) => [stepIdOf(document), document]))
    const translatedItems = new Set(steps.flatMap((document) => document.items.map(itemIdOf)))
    // A step or item under an id the source lacks (a typo, most likely) is
    // translation-parity's error; the one it stands in for is not also missing.
    const misnamed = new Set(steps.filter((document) => !index.steps.has(stepIdOf(document) ?? '')).map(stepNumberOf))
    const released = releasedShapes(manifest)
    const typo = (id: string): boolean => !index.items.has(id) && !released.items.has(id)
    const withUnknownItems = new Set(steps.filter((document) => document.items.some((item) => typo(itemIdOf(item) ?? ''))).map(stepIdOf))
    const command = `npm run content:translated -- ${locale.tag}`
    // What a translator must know besides the words: the heading, and the placeholders' forms.
    const ordinals = readOrdinals(guide, locale.tag).ordinals
    const forms = ordinals?.formRequired === true ? `; give each placeholder the form its noun takes in \`${locale.tag}\`: ${ordinals.ordinals.forms.map((form) => `\`{next:${form}}\``).join(', ')}` : ''
    const keep = (ids: readonly string[]): string => {
      const placeholders = ids.some((id) => /\{/.test(index.items.get(id)?.template ?? '')) ? forms : ''
      return `keep the front matter's \`id\` and \`step\` and each item's \`{#id rounds=…}\`, write the checklist heading as \`## ${locale.checklistHeading}\`${placeholders}`
    }
    const untranslated = `\`${locale.tag}\` shows the source's text for it`
    if (copies.introduction) {
      report(guide, `Expected the title and introduction translated, found the source's words (copied, not translated yet); ${untranslated}`, guide.title ?? {line: 1, column: 1}, {
        tip: `Translate the title and introduction in place, then run \`${command} introduction\`.`,
      })
    }
    for (const step of index.steps.values()) {
      const document = translated.get(step.id)
      if (document === undefined) {
        if (misnamed.has(step.number)) continue
        const where = locale.name(path.join('steps', path.basename(step.document.file.path)))
        report(guide, `Expected a translation of step \`${step.id}\` (${placeOf(step.document, undefined)}) at \`${where}\`, found none; ${untranslated}`, guide.title ?? {line: 1, column: 1}, {
          tip: `Copy ${step.document.file.path} to ${where} and translate its words (${keep(step.items)}), then run \`${command} ${step.id} ${step.items.join(' ')}\`.`,
        })
        continue
      }
      // A copied step is one warning, naming the items still copied with it.
      const copied = copies.steps.has(step.id) ? step.items.filter((id) => copies.items.has(id)) : undefined
      if (copied !== undefined) {
        const items = copied.length === 0 ? '' : ` and in item${copied.length === 1 ? '' : 's'} ${copied.map((id) => `\`${id}\``).join(', ')}`
        report(document, `Expected step \`${step.id}\` translated, found the source's words in its title, summary and body${items} (copied, not translated yet); ${untranslated}`, document.title ?? {line: 1, column: 1}, {
          tip: `Translate its words in this file (${keep(copied)}), then run \`${command} ${[step.id, ...copied].join(' ')}\`.`,
        })
      }
      // A step whose checklist heading is not found has no items to speak of: heading-structure reports that.
      if (withUnknownItems.has(step.id) || document.checklistHeading === undefined) continue
      for (const itemId of step.items) {
        const item = index.items.get(itemId)
        if (item === undefined || copied?.includes(itemId) === true) continue
        const entry = copies.items.has(itemId) ? document.items.find((candidate) => itemIdOf(candidate) === itemId) : undefined
        if (entry !== undefined) {
          report(document, `Expected item \`${itemId}\` translated, found the source's words (copied, not translated yet); ${untranslated}`, entry.node, {
            tip: `Translate the item in place (keep its \`{#${itemId} rounds=${item.rounds}}\`${/\{/.test(item.template) ? forms : ''}), then run \`${command} ${itemId}\`.`,
          })
          continue
        }
        if (translatedItems.has(itemId)) continue
        // Still under the id it replaces: translation-parity says so, once.
        if (item.entry.attributes?.pairs.get('replaces')?.split(',').some((old) => translatedItems.has(old)) === true) continue
        report(document, `Expected a translation of item \`${itemId}\` (${placeOf(item.document, item.entry.node.position)}), found none; ${untranslated}`, document.checklistHeading ?? document.title ?? {line: 1, column: 1}, {
          tip: `Add the item under \`## ${locale.checklistHeading}\`, translated, ending in \`{#${itemId} rounds=${item.rounds}}\`${/\{/.test(item.template) ? forms : ''}, then run \`${command} ${itemId}\`.`,
        })
      }
    }
  },
}
