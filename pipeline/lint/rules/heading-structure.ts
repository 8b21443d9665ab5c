import {toString} from 'mdast-util-to-string'
import {CHECKLIST_HEADING as DEFAULT_HEADING} from '../../parse/document.js'
import type {Rule} from '../rule.js'
import {closestMatch} from './shared.js'

/** A file is `# Title`, then (in a step) one `## Checklist`, and no other heading. */
export const headingStructure: Rule = {
  id: 'heading-structure',
  phase: 'document',
  description: 'Each file opens with one `# Title`; a step has exactly one `## Checklist` heading (or the locale\'s own, from `checklist:` in its guide.md; the source\'s, in a translation, is a warning); no other headings.',
  tip: 'Use `# Title` once after the front matter and, in a step, `## Checklist` before the task list; write other structure as paragraphs.',
  check({guide, steps, folder: locale, report}) {
    const CHECKLIST_HEADING = locale.checklistHeading
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
        // The source's heading, in a step copied to be translated, opens the checklist all the same.
        if (document.kind === 'step' && node === document.checklistHeading && checklists++ === 0) {
          report(document, `Expected the checklist heading as \`## ${CHECKLIST_HEADING}\` (\`${locale.tag}\`'s), found the source's \`${written}\``, node, {
            severity: 'warning',
            expected: [`## ${CHECKLIST_HEADING}`],
            actual: written,
            tip: `Write the heading as \`## ${CHECKLIST_HEADING}\`, the one \`checklist:\` names in locales/${locale.tag}/guide.md.`,
          })
          continue
        }
        // The default heading, in a locale that names its own, is the same slip.
        const looksLikeChecklist = text === CHECKLIST_HEADING || text === DEFAULT_HEADING || closestMatch(text, [CHECKLIST_HEADING]) !== undefined
        if (document.kind === 'step' && document.checklistHeading === undefined && !nearMiss && looksLikeChecklist) {
          nearMiss = true
          report(document, `Expected the checklist heading as \`## ${CHECKLIST_HEADING}\`, found \`${written}\``, node, {
            expected: [`## ${CHECKLIST_HEADING}`],
            actual: written,
            tip: `Write the heading exactly as \`## ${CHECKLIST_HEADING}\`: two \`#\`, a space and ${CHECKLIST_HEADING === DEFAULT_HEADING ? 'the word Checklist' : `the locale's heading, as \`checklist:\` names it in its guide.md`}.`,
          })
          continue
        }
        const wanted = document.kind === 'step' ? `\`## ${CHECKLIST_HEADING}\` once` : 'no heading after the title'
        report(document, `Expected ${wanted}, found \`${written}\``, node, {
          expected: [wanted],
          actual: text,
          tip: `Write this as a paragraph (in bold if it must stand out): the only headings are the \`# Title\` and, in a step, \`## ${CHECKLIST_HEADING}\`.`,
        })
      }
      if (document.kind === 'step' && checklists === 0 && !nearMiss) {
        // Point at the list that lacks its heading, or at the end of the file.
        const list = children.find((node) => node.type === 'list')
        report(document, `Expected a \`## ${CHECKLIST_HEADING}\` heading before the task list, found none`, list ?? document.tree.position?.end, {
          tip: `Add a line \`## ${CHECKLIST_HEADING}\` (with blank lines around it) after the body, before the \`- [ ]\` items${locale.isSource && CHECKLIST_HEADING === 'Checklist' ? '' : ` (the heading \`checklist:\` names in ${locale.isSource ? '' : `locales/${locale.tag}/`}guide.md)`}.`,
        })
      }
    }
  },
}
