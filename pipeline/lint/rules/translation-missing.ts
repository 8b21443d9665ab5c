import path from 'node:path'
import {indexSource, itemIdOf, placeOf, releasedShapes} from '../../parse/parity.js'
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
  description: 'Every step and checklist item of the source has a translation in each locale (a warning: an untranslated one is shipped in the source\'s words).',
  tip: 'Translate it (copy the source\'s step file or item line, ids and attributes included, and translate the words), then mark it current with `npm run content:translated -- <locale> <id>`.',
  check({guide, steps, folder: locale, translation, manifest, report}) {
    const source = translation?.source
    if (locale.isSource || source === undefined || guide === undefined || locale.tag === locale.sourceTag) return
    const index = indexSource(source)
    const translated = new Map(steps.map((document) => [stepIdOf(document), document]))
    const translatedItems = new Set(steps.flatMap((document) => document.items.map(itemIdOf)))
    // A step or item under an id the source lacks (a typo, most likely) is
    // translation-parity's error; the one it stands in for is not also missing.
    const misnamed = new Set(steps.filter((document) => !index.steps.has(stepIdOf(document) ?? '')).map(stepNumberOf))
    const released = releasedShapes(manifest)
    const typo = (id: string): boolean => !index.items.has(id) && !released.items.has(id)
    const withUnknownItems = new Set(steps.filter((document) => document.items.some((item) => typo(itemIdOf(item) ?? ''))).map(stepIdOf))
    for (const step of index.steps.values()) {
      const document = translated.get(step.id)
      const command = `npm run content:translated -- ${locale.tag}`
      if (document === undefined) {
        if (misnamed.has(step.number)) continue
        const where = locale.name(path.join('steps', path.basename(step.document.file.path)))
        report(guide, `Expected a translation of step \`${step.id}\` (${placeOf(step.document, undefined)}) at \`${where}\`, found none; \`${locale.tag}\` shows the source's text for it`, guide.title ?? {line: 1, column: 1}, {
          tip: `Copy ${step.document.file.path} to ${where}, translate its words (keep the front matter's \`id\` and \`step\`, and each item's \`{#id rounds=…}\`), then run \`${command} ${step.id} ${step.items.join(' ')}\`.`,
        })
        continue
      }
      // A step whose checklist heading is not found has no items to speak of: heading-structure reports that.
      if (withUnknownItems.has(step.id) || document.checklistHeading === undefined) continue
      for (const itemId of step.items) {
        if (translatedItems.has(itemId)) continue
        const item = index.items.get(itemId)
        if (item === undefined) continue
        // Still under the id it replaces: translation-parity says so, once.
        if (item.entry.attributes?.pairs.get('replaces')?.split(',').some((old) => translatedItems.has(old)) === true) continue
        report(document, `Expected a translation of item \`${itemId}\` (${placeOf(item.document, item.entry.node.position)}), found none; \`${locale.tag}\` shows the source's text for it`, document.checklistHeading ?? document.title ?? {line: 1, column: 1}, {
          tip: `Add the item under the checklist heading, translated, ending in \`{#${itemId} rounds=${item.rounds}}\`, then run \`${command} ${itemId}\`.`,
        })
      }
    }
  },
}
