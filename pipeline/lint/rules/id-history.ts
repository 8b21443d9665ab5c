import type {Position} from 'unist'
import {describeHistoryProblem, type HistoryProblem, historyProblems, type IdUse, parseReplaces, readIdHistory} from '../../release/published-ids.js'
import type {ContentDocument} from '../../parse/document.js'
import type {Rule} from '../rule.js'
import {didYouMean} from './shared.js'
import {ID_PATTERN, entry, stepIdOf} from '../../parse/document.js'

/** What to do about each kind of problem. */
const TIPS: Readonly<Record<HistoryProblem['kind'], string>> = {
  retired:
    'Give it a new id: readers may still hold ticks for the retired one. If the release that retired it is not published yet, `npm run content:version -- --amend` re-records that release instead.',
  'replaces-self': 'Name the id the item had before in `replaces=`, not its new one.',
  'replaces-unpublished': 'Name an item id from the last release in `content/manifest.json`, or drop `replaces=` if the item is simply new.',
  'replaces-step': 'Only checklist items can be renamed; name the old item id, or drop `replaces=`.',
  'replaces-live': 'Remove or rename the item that still uses that id, or drop `replaces=` if both items should stay.',
  'replaces-retired': 'Only ids of the last release can be renamed; an id retired earlier stays retired. Drop it from `replaces=`.',
  'replaces-twice': 'Let one item carry the old id\'s progress; drop it from the other item\'s `replaces=`.',
}

/**
 * Ids are forever: the release history (content/manifest.json) decides which
 * ids are retired, and what a rename (`replaces=`) may name.
 */
export const idHistory: Rule = {
  id: 'id-history',
  phase: 'document',
  description: 'No step or item id retired by an earlier release is used again, and `replaces=` names an item id the last release published.',
  tip:
    'Give new content a new id. To rename an item, give it the new id and `replaces=old-id`, naming an item of the last release that the content no longer uses. ' +
    'If the release that retired an id is not published yet, `npm run content:version -- --amend` records the change in it instead.',
  check({steps, manifest, folder: locale, report}) {
    // Ids are the source's: a translation's are judged by translation-parity.
    if (!locale.isSource) return
    const uses: IdUse[] = []
    const where: Array<{document: ContentDocument; position: Position | undefined}> = []
    for (const document of steps) {
      const stepId = stepIdOf(document)
      if (stepId !== undefined) {
        uses.push({id: stepId, target: 'step', replaces: []})
        where.push({document, position: entry(document, 'id')?.valuePosition})
      }
      for (const item of document.items) {
        const attributes = item.attributes
        if (attributes === undefined || !ID_PATTERN.test(attributes.id)) continue
        const written = attributes.pairs.get('replaces')
        // A malformed list is item-attributes' to report; judge only what parses.
        const replaces = written === undefined ? [] : (parseReplaces(written) ?? [])
        uses.push({id: attributes.id, target: 'item', replaces})
        where.push({document, position: attributes.position})
      }
    }
    const history = readIdHistory(manifest)
    // What a misspelt `replaces=` most likely meant: an item of the last release the content no longer has.
    const renamable = Object.keys(history.last?.items ?? {}).filter((id) => !uses.some((use) => use.id === id))
    for (const {use, problem} of historyProblems(history, uses)) {
      const at = where[use]
      if (at === undefined) continue
      const actual = problem.kind === 'retired' || problem.kind === 'replaces-self' ? problem.id : problem.replaced
      const meant = problem.kind === 'replaces-unpublished' ? didYouMean(problem.replaced, renamable) : ''
      report(at.document, describeHistoryProblem(problem) + meant, at.position, {actual, tip: TIPS[problem.kind]})
    }
  },
}
