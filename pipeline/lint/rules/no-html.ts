import type {Html} from 'mdast'
import {visit} from 'unist-util-visit'
import type {Rule} from '../rule.js'

/** Raw HTML never enters the content (apps render it in their own UIs). */
export const noHtml: Rule = {
  id: 'no-html',
  phase: 'document',
  description: 'No raw HTML, inline or block (including comments).',
  tip: 'Write it in markdown instead (`*emphasis*`, `**strong**`, `[text](https://…)`); to show a literal `<`, escape it as `\\<`.',
  check({guide, steps, report}) {
    for (const document of guide === undefined ? steps : [guide, ...steps]) {
      // An inline element's closing tag is reported with its opening tag: one element, one diagnostic.
      const closings = new Set<Html>()
      visit(document.tree, 'html', (node, index, parent) => {
        if (closings.has(node)) return
        const name = /^<([a-z][\w-]*)[\s/>]/i.exec(node.value)?.[1]?.toLowerCase()
        const closing = name === undefined ? undefined : parent?.children.slice((index ?? 0) + 1).find((sibling): sibling is Html => sibling.type === 'html' && sibling.value.replace(/\s+/g, '').toLowerCase() === `</${name}>`)
        if (closing !== undefined) closings.add(closing)
        report(document, `Expected markdown, found raw HTML \`${node.value.slice(0, 40)}\`${closing === undefined ? '' : ` and its closing \`${closing.value}\``}`, node, {actual: node.value})
      })
    }
  },
}
