import {visit} from 'unist-util-visit'
import type {Rule} from '../rule.js'

/** Schemes a link or image may use. */
export const ALLOWED_PROTOCOLS = ['https:', 'mailto:'] as const

/** Links, images and definitions point only at `https:` or `mailto:` URLs. */
export const linkProtocol: Rule = {
  id: 'link-protocol',
  phase: 'document',
  description: 'Links, images and link definitions use only `https:` or `mailto:` URLs.',
  tip: 'Link to an absolute `https://` address (or `mailto:`); relative, `http:`, `javascript:` and `data:` URLs are refused.',
  check({guide, steps, report}) {
    for (const document of guide === undefined ? steps : [guide, ...steps]) {
      visit(document.tree, (node) => {
        if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return
        const url = node.url
        const scheme = /^([a-z][a-z\d+.-]*:)/i.exec(url)?.[1]
        if (scheme === undefined || !(ALLOWED_PROTOCOLS as readonly string[]).includes(scheme)) {
          report(document, `Expected an \`https:\` or \`mailto:\` URL, found \`${url.slice(0, 60)}\``, node, {expected: [...ALLOWED_PROTOCOLS], actual: url})
        }
      })
    }
  },
}
