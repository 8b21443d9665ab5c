import {toString} from 'mdast-util-to-string'
import type {Rule} from '../rule.js'

/** Allowed number of body paragraphs, by file kind. */
const BODY_PARAGRAPHS = {guide: {min: 1, max: 6}, step: {min: 2, max: 4}} as const

/** The body (between the title and the checklist) is a few short paragraphs and nothing else. */
export const bodyParagraphs: Rule = {
  id: 'body-paragraphs',
  phase: 'document',
  description: `A step's body is ${BODY_PARAGRAPHS.step.min}–${BODY_PARAGRAPHS.step.max} paragraphs (the introduction ${BODY_PARAGRAPHS.guide.min}–${BODY_PARAGRAPHS.guide.max}) and nothing else.`,
  tip: 'Write the body as plain paragraphs separated by blank lines; put actions in the checklist.',
  check({guide, steps, report}) {
    for (const document of guide === undefined ? steps : [guide, ...steps]) {
      // Without a title or (in a step) the checklist heading, where the body
      // ends is unknown; heading-structure reports that.
      if (document.title === undefined || (document.kind === 'step' && document.checklistHeading === undefined)) continue
      const {min, max} = BODY_PARAGRAPHS[document.kind]
      let paragraphs = 0
      for (const node of document.body) {
        // Headings and HTML are other rules' concern; a link definition is not shown.
        if (node.type === 'heading' || node.type === 'html' || node.type === 'definition') continue
        if (node.type !== 'paragraph') {
          report(document, `Expected only paragraphs in the body, found a ${node.type}`, node, {
            expected: ['paragraph'],
            actual: node.type,
            tip: node.type === 'list'
              ? 'Write the points as sentences in a paragraph, or move actions into the checklist as `- [ ]` items.'
              : 'Rewrite it as a plain paragraph of text.',
          })
        } else if (toString(node).trim() === '') {
          report(document, 'Expected a paragraph with text, found an empty one', node, {tip: 'Delete the empty paragraph or write its text.'})
        } else {
          paragraphs++
        }
      }
      if (paragraphs < min || paragraphs > max) {
        const place = paragraphs > max ? document.body.filter((node) => node.type === 'paragraph')[max] : document.title
        report(document, `Expected ${min} to ${max} body paragraphs, found ${paragraphs}`, place, {
          expected: [`${min}-${max}`],
          actual: String(paragraphs),
          tip: paragraphs > max
            ? `Merge or cut paragraphs to at most ${max} (paragraphs are separated by blank lines).`
            : `Write at least ${min} paragraph${min === 1 ? '' : 's'} between the title and ${document.kind === 'step' ? '`## Checklist`' : 'the end of the file'}, separated by blank lines.`,
        })
      }
    }
  },
}
