import {SKIP, visit} from 'unist-util-visit'
import type {Rule} from '../rule.js'

// What an item may hold: text and the inline formatting whose text content
// is exactly its text, so an item's `text` equals the text its rich form
// shows. (Raw HTML is the no-html rule's to report.)
const ALLOWED: ReadonlySet<string> = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'link', 'html'])

// How messages name what is refused.
const NAMES: Readonly<Record<string, string>> = {
  image: 'an image',
  imageReference: 'an image',
  footnoteReference: 'a footnote reference',
  break: 'a hard line break',
  // Its definition is elsewhere in the file, and an item renders on its own.
  linkReference: 'a reference link (write it inline: `[text](https://…)`)',
}

/**
 * Checklist items hold only text, emphasis, strikethrough, code and inline
 * links. An image, a footnote reference, a hard break or a reference link
 * renders as something other than its text (an image's alt text is no text
 * content; a footnote becomes a number; a break a newline; a reference link,
 * rendered without the definition elsewhere in the file, its brackets), so an
 * item's plain `text` and its rich form would disagree.
 */
export const itemContent: Rule = {
  id: 'item-content',
  phase: 'document',
  description: 'Checklist items hold only text, emphasis, strikethrough, code and inline links: no images, footnote references, hard line breaks or reference links.',
  tip: 'Keep checklist items to plain words with light formatting; put images and footnotes in the step body, and write each item on one line.',
  check({steps, report}) {
    for (const document of steps) {
      for (const item of document.items) {
        if (item.paragraph === undefined) continue
        visit(item.paragraph, (node) => {
          if (node === item.paragraph || ALLOWED.has(node.type)) return
          report(document, `Expected only text, emphasis, code and links in a checklist item, found ${NAMES[node.type] ?? `a ${node.type}`}`, node, {actual: node.type})
          return SKIP
        })
      }
    }
  },
}
