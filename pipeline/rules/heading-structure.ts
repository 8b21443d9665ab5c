import {toString} from 'mdast-util-to-string'
import {CHECKLIST_HEADING} from '../document.js'
import type {Rule} from '../rule.js'
import {closestMatch} from './shared.js'

/** A file is `# Title`, then (in a step) one `## Checklist`, and no other heading. */
export const headingStructure: Rule = {
  id: 'heading-structure',
  phase: 'document',
  description: 'Each file opens with one `# Title`; a step has exactly one `## Checklist` heading; no other headings.',
  tip: 'Use `# Title` once after the front matter and, in a step, `## Checklist` before the task list; write other structure as paragraphs.',
  check({guide, steps, report}) {
    for (const document of guide === undefined ? steps : [guide, ...steps]) {
      const children = document.tree.children.filter((node) => node.type !== 'yaml')
      const first = children[0]
      if (first === undefined || first.type !== 'heading' || first.depth !== 1) {
        report(document, `Expected the file to open with a \`# Title\` heading, found ${first === undefined ? 'nothing' : first.type === 'heading' ? `\`${'#'.repeat(first.depth)} ${toString(first).trim()}\`` : `a ${first.type}`}`, first ?? document.tree, {
          tip: 'Put the title right after the front matter, as one `#` and a space: `# Be specific`.',
        })
      } else if (toString(first).trim() === '') {
        report(document, 'Expected the `# Title` heading to have text, found an empty heading', first, {tip: 'Write the title after the `# `.'})
      }
      let checklists = 0
      // A checklist heading at the wrong level or misspelt (`### Checklist`,
      // `## Checklst`) is one mistake: it is not also reported as missing.
      let nearMiss = false
      for (const node of children.slice(1)) {
        if (node.type !== 'heading') continue
        const text = toString(node).trim()
        const written = `${'#'.repeat(node.depth)} ${text}`
        if (document.kind === 'step' && node.depth === 2 && text === CHECKLIST_HEADING && checklists++ === 0) continue
        const looksLikeChecklist = text === CHECKLIST_HEADING || closestMatch(text, [CHECKLIST_HEADING]) !== undefined
        if (document.kind === 'step' && document.checklistHeading === undefined && !nearMiss && looksLikeChecklist) {
          nearMiss = true
          report(document, `Expected the checklist heading as \`## ${CHECKLIST_HEADING}\`, found \`${written}\``, node, {
            expected: [`## ${CHECKLIST_HEADING}`],
            actual: written,
            tip: `Write the heading exactly as \`## ${CHECKLIST_HEADING}\`: two \`#\`, a space and the word ${CHECKLIST_HEADING}.`,
          })
          continue
        }
        const wanted = document.kind === 'step' ? '`## Checklist` once' : 'no heading after the title'
        report(document, `Expected ${wanted}, found \`${written}\``, node, {
          expected: [wanted],
          actual: text,
          tip: 'Write this as a paragraph (in bold if it must stand out): the only headings are the `# Title` and, in a step, `## Checklist`.',
        })
      }
      if (document.kind === 'step' && checklists === 0 && !nearMiss) {
        // Point at the list that lacks its heading, or at the end of the file.
        const list = children.find((node) => node.type === 'list')
        report(document, 'Expected a `## Checklist` heading before the task list, found none', list ?? document.tree.position?.end, {
          tip: 'Add a line `## Checklist` (with blank lines around it) after the body, before the `- [ ]` items.',
        })
      }
    }
  },
}
