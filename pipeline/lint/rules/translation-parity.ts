import {formatRounds, parseRounds} from '../../parse/rounds.js'
import {indexSource, itemIdOf, placeOf, releasedShapes} from '../../parse/parity.js'
import type {ReportDetail, Rule} from '../rule.js'
import {didYouMean} from './shared.js'
import {entry, stepIdOf, stepNumberOf} from '../../parse/document.js'
import {itemTemplate} from '../../parse/units.js'
import {recordedUnit} from '../../read/translation-record.js'
import {findPlaceholders} from '../../../src/template.js'

// An item's placeholders by name, sorted, as the message quotes them: `{previous}`, `{round}` (or none).
const placeholderNames = (text: string): string => findPlaceholders(text).map((found) => `\`{${found.name}}\``).sort().join(', ') || 'none'

/**
 * A translation translates the source: the same step ids and numbers, the
 * same item ids in the same steps with the same rounds, the same covered
 * rounds. It adds nothing and renames nothing (`replaces=` is the source's).
 */
export const translationParity: Rule = {
  id: 'translation-parity',
  phase: 'document',
  description: "A translation's steps and items are the source's: each step id with the source's number, each item id in the source's step with its rounds and placeholders, the guide's rounds alike; no `replaces=` (a warning where the translation still follows an earlier release of the source).",
  tip: 'Keep ids, `step:` numbers, `rounds=` and the guide\'s `rounds` exactly as the source has them; to add, move or rename a step or item, change the source first.',
  check({guide, steps, folder: locale, translation, manifest, report}) {
    const source = translation?.source
    if (locale.isSource || source === undefined) return
    if (locale.tag === locale.sourceTag) {
      const target = guide ?? steps[0]
      if (target !== undefined) {
        report(target, `Expected a translation's folder to be named for another locale than the source's \`${locale.sourceTag}\`, found \`locales/${locale.tag}/\``, {line: 1, column: 1}, {
          tip: `The source (content/guide.md and content/steps/) is the \`${locale.sourceTag}\` text; name the folder for the language it translates into.`,
        })
      }
      return
    }
    const index = indexSource(source)
    // What an earlier release of the source said: a translation that still
    // says it lags behind the source (a warning), it does not break parity.
    const released = releasedShapes(manifest)
    const lagging = (was: boolean, since: string | undefined, fix: string): Pick<ReportDetail, 'severity' | 'tip'> =>
      was ? {severity: 'warning', tip: `The source changed this after release ${since ?? ''}; ${fix} (the translation is shipped in line with the source meanwhile).`} : {}
    const lagNote = (was: boolean, since: string | undefined): string => (was ? `; the source changed it after release ${since ?? ''}, and the translation has not caught up` : '')
    const rounds = guide === undefined ? undefined : entry(guide, 'rounds')
    const parsed = rounds === undefined ? undefined : parseRounds(String(rounds.value))
    if (guide !== undefined && rounds !== undefined && parsed !== undefined && formatRounds(parsed) !== formatRounds(source.coveredRounds)) {
      const was = released.rounds.has(formatRounds(parsed))
      const last = manifest?.releases.at(-1)?.version
      report(guide, `Expected \`rounds: ${formatRounds(source.coveredRounds)}\`, as the source's guide.md has (${placeOf(source.guide, entry(source.guide, 'rounds')?.valuePosition)}), found \`rounds: ${formatRounds(parsed)}\`${lagNote(was, last)}`, rounds.valuePosition, {
        expected: [formatRounds(source.coveredRounds)],
        actual: formatRounds(parsed),
        ...lagging(was, last, `write \`rounds: ${formatRounds(source.coveredRounds)}\``),
      })
    }
    for (const document of steps) {
      const id = stepIdOf(document)
      if (id === undefined) continue
      const step = index.steps.get(id)
      if (step === undefined) {
        // Its items are not judged as well: one root cause, one diagnostic.
        const was = released.steps.get(id)
        report(document, was === undefined
          ? `Expected a step id of the source (a translation adds no steps), found \`${id}\`${didYouMean(id, [...index.steps.keys()])}`
          : `Expected a step id of the source, found \`${id}\`, a step the source removed after release ${was.last}`, entry(document, 'id')?.valuePosition, {
          expected: [...index.steps.keys()],
          actual: id,
          tip: 'Give the file the `id:` of the source step it translates; a new step is added to the source first.',
          ...lagging(was !== undefined, was?.last, 'delete this file'),
        })
        continue
      }
      const number = stepNumberOf(document)
      if (number !== undefined && number !== step.number) {
        const was = released.steps.get(id)
        const lags = was?.numbers.has(number) === true
        const fix = `set \`step: ${step.number}\` and start the file name with \`${String(step.number).padStart(2, '0')}-\``
        report(document, `Expected \`step: ${step.number}\` for step \`${id}\`, as the source has it (${placeOf(step.document, entry(step.document, 'step')?.valuePosition)}), found \`step: ${number}\`${lagNote(lags, was?.last)}`, entry(document, 'step')?.valuePosition, {
          expected: [String(step.number)],
          actual: String(number),
          tip: `Set \`step: ${step.number}\` and start the file name with \`${String(step.number).padStart(2, '0')}-\`: steps are numbered by the source.`,
          ...lagging(lags, was?.last, fix),
        })
      }
      for (const item of document.items) {
        const itemId = itemIdOf(item)
        const attributes = item.attributes
        if (itemId === undefined || attributes === undefined) continue
        if (attributes.pairs.has('replaces')) {
          report(document, `Expected no \`replaces=\` in a translation, found \`replaces=${attributes.pairs.get('replaces') ?? ''}\` on item \`${itemId}\``, attributes.position, {
            actual: attributes.pairs.get('replaces') ?? '',
            tip: 'Renames are declared once, in the source (`content/steps/`); write the item with its new id and drop `replaces=` here.',
          })
          continue
        }
        const original = index.items.get(itemId)
        if (original === undefined) {
          const was = released.items.get(itemId)
          const renamed = [...index.items.values()].find((candidate) => candidate.entry.attributes?.pairs.get('replaces')?.split(',').includes(itemId) === true)
          report(document, was === undefined
            ? `Expected an item id of the source (a translation adds no items), found \`${itemId}\`${didYouMean(itemId, step.items)}`
            : `Expected an item id of the source, found \`${itemId}\`, an item the source ${renamed === undefined ? 'removed' : `renamed to \`${renamed.id}\``} after release ${was.last}`, attributes.position, {
            expected: [...step.items],
            actual: itemId,
            tip: 'Give the item the id of the source item it translates; a new item is added to the source first.',
            ...lagging(was !== undefined, was?.last, renamed === undefined ? 'delete the item' : `give the item the id \`${renamed.id}\` and translate its new text`),
          })
          continue
        }
        if (original.stepId !== id) {
          const was = released.items.get(itemId)
          const lags = was?.stepIds.has(id) === true
          report(document, `Expected item \`${itemId}\` in step \`${original.stepId}\`, as the source has it (${placeOf(original.document, original.entry.attributes?.position)}), found it in step \`${id}\`${lagNote(lags, was?.last)}`, attributes.position, {
            expected: [original.stepId],
            actual: id,
            tip: `Move the item to the translation of step \`${original.stepId}\`: items stay in the steps the source puts them in.`,
            ...lagging(lags, was?.last, `move the item to the translation of step \`${original.stepId}\``),
          })
          continue
        }
        const written = attributes.pairs.get('rounds')
        const mine = written === undefined ? undefined : parseRounds(written)
        const theirs = parseRounds(original.rounds)
        if (mine !== undefined && theirs !== undefined && formatRounds(mine) !== formatRounds(theirs)) {
          const was = released.items.get(itemId)
          const lags = was?.rounds.has(formatRounds(mine)) === true
          report(document, `Expected \`rounds=${formatRounds(theirs)}\` on item \`${itemId}\`, as the source has it (${placeOf(original.document, original.entry.attributes?.position)}), found \`rounds=${formatRounds(mine)}\`${lagNote(lags, was?.last)}`, attributes.position, {
            expected: [formatRounds(theirs)],
            actual: formatRounds(mine),
            tip: `Write \`rounds=${formatRounds(theirs)}\`: when an item applies is the source's to say.`,
            ...lagging(lags, was?.last, `write \`rounds=${formatRounds(theirs)}\` and check the wording still fits`),
          })
        }
        // Other placeholders spell other rounds (or none), and a translation tool's
        // import refuses them; a source that changed its own since the
        // translation was marked current is translation-outdated's, once.
        const [mineNames, theirNames] = [placeholderNames(itemTemplate(item)), placeholderNames(original.template)]
        const recorded = recordedUnit(translation?.record, {target: 'item', id: itemId})
        if (mineNames !== theirNames && (recorded === undefined || recorded.hash === original.hash)) {
          report(document, `Expected item \`${itemId}\` to use the source's placeholders, ${theirNames} (${placeOf(original.document, original.entry.node.position)}), found ${mineNames}`, item.node, {
            actual: mineNames,
            expected: [theirNames],
            tip: "Write each placeholder the source's item has, and no other (with a form, `{previous:f}`, where this language's ordinals have forms): each stands for a round, spelt out for the reader.",
          })
        }
      }
    }
  },
}
