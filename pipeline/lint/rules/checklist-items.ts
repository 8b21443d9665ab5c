import type {Rule} from '../rule.js'

/** Allowed number of checklist items per step. */
export const CHECKLIST_ITEMS = {min: 2, max: 5} as const

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
        // Items indented with a tab (or four spaces) are an indented code block.
        const indent = first?.type === 'code' && first.position !== undefined ? /^[ \t]+/.exec(String(document.file.value).slice(first.position.start.offset))?.[0] : undefined
        report(document, `Expected a task list under \`## Checklist\`, found ${first === undefined ? 'none' : indent === undefined ? `a ${first.type}` : `code: its lines start with ${indent.includes('\t') ? 'a tab' : 'spaces'}`}`, first ?? document.checklistHeading, {
          tip: indent === undefined
            ? 'Under `## Checklist`, write one `- [ ] Text. {#item-id rounds=2+}` line per action, with a blank line before the first.'
            : 'Start each `- [ ]` at the beginning of its line: a tab or four spaces before it make the lines code.',
        })
        continue
      }
      for (const node of blocks) {
        if (node !== list) {
          report(document, `Expected only one task list under \`## Checklist\`, found ${node.type === 'list' ? 'another list' : `a ${node.type}`}`, node, {
            tip: node.type === 'list'
              ? 'Join the lists into one: no blank line or other text between items, and the same `-` marker for each.'
              : 'Move this text into the body above `## Checklist`, or make it a `- [ ]` item; nothing else goes under the heading.',
          })
        }
      }
      if (list.ordered === true) {
        report(document, 'Expected a bulleted list (`- [ ]`), found a numbered list', list, {tip: 'Start each item with `- [ ] ` instead of a number.'})
      }
      for (const entry of document.items) {
        const {node} = entry
        if (node.checked === null || node.checked === undefined) {
          report(document, 'Expected a task item (`- [ ] …`), found a plain list item', node, {tip: 'Add an empty box after the dash: `- [ ] Text.`'})
        } else if (node.checked) {
          report(document, 'Expected an unticked box (`[ ]`), found a ticked one (`[x]`)', node, {tip: 'Untick the box (`[ ]`): readers tick items in the app, not in the content.'})
        }
        if (entry.paragraph === undefined) {
          report(document, `Expected the item to be one paragraph, found ${node.children.length === 0 ? 'nothing' : `${node.children.length} blocks`}`, node, {
            tip: 'Write the item as one line of text ending in its `{#item-id rounds=…}` block, with no blank line, list or quote inside it.',
          })
        } else if (entry.template === '') {
          report(document, 'Expected the item to have text, found none', node, {tip: 'Write the action before the `{#item-id rounds=…}` block, or delete the empty item.'})
        }
      }
      const count = document.items.length
      if (count < CHECKLIST_ITEMS.min || count > CHECKLIST_ITEMS.max) {
        report(document, `Expected ${CHECKLIST_ITEMS.min} to ${CHECKLIST_ITEMS.max} checklist items, found ${count}`, list, {
          expected: [`${CHECKLIST_ITEMS.min}-${CHECKLIST_ITEMS.max}`],
          actual: String(count),
          tip: count < CHECKLIST_ITEMS.min
            ? `Add actions until the step has at least ${CHECKLIST_ITEMS.min} items.`
            : `Merge or cut items to at most ${CHECKLIST_ITEMS.max}, or split the step in two.`,
        })
      }
    }
  },
}
