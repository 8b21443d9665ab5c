import type {Rule} from '../rule.js'

/** Allowed number of checklist items per step. */
const CHECKLIST_ITEMS = {min: 2, max: 5} as const

/** The checklist is one bulleted task list of unticked, one-paragraph items. */
export const checklistItems: Rule = {
  id: 'checklist-items',
  phase: 'document',
  description: `Under \`## Checklist\`: one bulleted task list of ${CHECKLIST_ITEMS.min}–${CHECKLIST_ITEMS.max} unticked \`- [ ]\` items, each one paragraph.`,
  tip: 'Write each action as `- [ ] Text. {#item-id rounds=2+}` on its own line, with nothing else under the heading.',
  check({steps, report}) {
    for (const document of steps) {
      if (document.checklistHeading === undefined) continue
      // Headings and HTML are other rules' concern; a link definition is not shown.
      const blocks = document.checklistSection.filter(
        (node) => node.type !== 'heading' && node.type !== 'html' && node.type !== 'definition',
      )
      const list = blocks.find((node) => node.type === 'list')
      if (list === undefined) {
        const first = blocks[0]
        report(document, `Expected a task list under \`## Checklist\`, found ${first === undefined ? 'none' : `a ${first.type}`}`, first ?? document.checklistHeading)
        continue
      }
      for (const node of blocks) {
        if (node !== list) {
          report(document, `Expected only one task list under \`## Checklist\`, found ${node.type === 'list' ? 'another list' : `a ${node.type}`}`, node)
        }
      }
      if (list.ordered === true) report(document, 'Expected a bulleted list (`- [ ]`), found a numbered list', list)
      for (const entry of document.items) {
        const {node} = entry
        if (node.checked === null || node.checked === undefined) {
          report(document, 'Expected a task item (`- [ ] …`), found a plain list item', node)
        } else if (node.checked) {
          report(document, 'Expected an unticked box (`[ ]`), found a ticked one (`[x]`)', node)
        }
        if (entry.paragraph === undefined) {
          report(document, `Expected the item to be one paragraph, found ${node.children.length === 0 ? 'nothing' : `${node.children.length} blocks`}`, node)
        } else if (entry.template === '') {
          report(document, 'Expected the item to have text, found none', node)
        }
      }
      const count = document.items.length
      if (count < CHECKLIST_ITEMS.min || count > CHECKLIST_ITEMS.max) {
        report(document, `Expected ${CHECKLIST_ITEMS.min} to ${CHECKLIST_ITEMS.max} checklist items, found ${count}`, list, {expected: [`${CHECKLIST_ITEMS.min}-${CHECKLIST_ITEMS.max}`], actual: String(count)})
      }
    }
  },
}
