import {visit} from 'unist-util-visit'
import type {Rule} from '../rule.js'

/** Raw HTML never enters the content (apps render it in their own UIs). */
export const noHtml: Rule = {
  id: 'no-html',
  phase: 'document',
  description: 'No raw HTML, inline or block (including comments).',
  tip: 'Write it in markdown instead; to show a literal `<`, escape it as `\\<`.',
  check({guide, steps, report}) {
    for (const document of guide === undefined ? steps : [guide, ...steps]) {
      visit(document.tree, 'html', (node) => {
        report(document, `Expected markdown, found raw HTML \`${node.value.slice(0, 40)}\``, node, {actual: node.value})
      })
    }
  },
}
