import type {Position} from 'unist'
import type {Rule} from '../rule.js'
import {ID_PATTERN, entry, stepIdOf} from '../../parse/document.js'

/** Step and item ids are unique across the whole guide (apps store progress by id). */
export const uniqueIds: Rule = {
  id: 'unique-ids',
  phase: 'document',
  description: 'Every step id and checklist item id is used once across the whole guide.',
  tip: 'Give the new step or item an id of its own; never reuse or move an id that is already published.',
  check({steps, report}) {
    const seen = new Map<string, string>()
    for (const document of steps) {
      const uses: Array<{id: string; position: Position | undefined}> = []
      const stepId = stepIdOf(document)
      if (stepId !== undefined) uses.push({id: stepId, position: entry(document, 'id')?.valuePosition})
      for (const item of document.items) {
        const id = item.attributes?.id
        if (id !== undefined && ID_PATTERN.test(id)) uses.push({id, position: item.attributes?.position})
      }
      for (const {id, position} of uses) {
        const first = seen.get(id)
        if (first === undefined) {
          seen.set(id, `${document.file.path}:${position?.start.line ?? 1}:${position?.start.column ?? 1}`)
        } else {
          report(document, `Expected a unique id, found \`${id}\` again (first at ${first})`, position, {actual: id})
        }
      }
    }
  },
}
