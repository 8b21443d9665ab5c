import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {type Schema, defaultSchema, sanitize} from 'hast-util-sanitize'
import {toHtml} from 'hast-util-to-html'
import {toString as hastToString} from 'hast-util-to-string'
import type {Paragraph, Root as MdastRoot, RootContent} from 'mdast'
import {toHast} from 'mdast-util-to-hast'
import {visit} from 'unist-util-visit'
import {findPlaceholders} from '../../src/template.js'
import type {BuiltContent, BuiltItem, RenderData} from '../../src/render/types.js'
import type {ChecklistEntry, ContentDocument} from '../parse/document.js'
import {plainText} from '../parse/document.js'
import {inContent} from '../compile/guard.js'
import type {LintResult, LocaleLint} from '../lint/lint.js'
import {indexSource} from '../parse/parity.js'
import {ALLOWED_PROTOCOLS} from '../lint/rules/link-protocol.js'
import {stepIdOf} from '../parse/document.js'

// Protocols as hast-util-sanitize spells them (no colon): `https`, `mailto`.
const PROTOCOLS = ALLOWED_PROTOCOLS.map((protocol) => protocol.slice(0, -1))

/**
 * The sanitisation schema: GitHub's (hast-util-sanitize's default), with every
 * URL-carrying property narrowed to `https:` (and `mailto:` for links).
 */
export const SAFE_SCHEMA: Schema = {
  ...defaultSchema,
  protocols: {
    cite: ['https'],
    href: PROTOCOLS,
    longDesc: ['https'],
    src: ['https'],
  },
}

// hast-util-sanitize lets scheme-less (relative) URLs through; the guide has
// no pages of its own to point at, so only absolute allowed URLs are kept.
const URL_PROPERTIES = Object.keys(SAFE_SCHEMA.protocols ?? {})
const ABSOLUTE_ALLOWED = new RegExp(`^(?:${PROTOCOLS.join('|')}):`)

function dropRelativeUrls(tree: HastRoot): void {
  visit(tree, 'element', (node) => {
    for (const key of URL_PROPERTIES) {
      const value = node.properties[key]
      if (value !== undefined && !ABSOLUTE_ALLOWED.test(String(value))) delete node.properties[key]
    }
  })
}

// Trees ship as plain JSON: no positions, no `data`, nothing undefined.
const plain = <T>(tree: T): T => JSON.parse(JSON.stringify(tree, (key, value: unknown) => (key === 'position' || key === 'data' ? undefined : value))) as T

/**
 * Turn mdast into sanitised hast: mdast-util-to-hast (raw HTML dropped), then
 * hast-util-sanitize with {@link SAFE_SCHEMA}, then relative URLs dropped.
 *
 * @param mdast Any mdast tree (it is not changed).
 * @returns A new hast root holding only what the schema allows, as plain JSON.
 * @example
 *   toSafeHast(parseMarkdown('[x](javascript:alert(1))')) // <a> without href
 */
export function toSafeHast(mdast: MdastRoot): HastRoot {
  // allowDangerousHtml stays off: `html` nodes are dropped, never passed through.
  // clobberPrefix '': the sanitiser adds `user-content-` to ids itself (once).
  const converted = toHast(plain(mdast), {allowDangerousHtml: false, clobberPrefix: ''})
  const root: HastRoot = converted.type === 'root' ? converted : {type: 'root', children: [converted as ElementContent]}
  const clean = sanitize(root, SAFE_SCHEMA) as HastRoot
  dropRelativeUrls(clean)
  return plain(clean)
}

/**
 * Render mdast in every form: position-free mdast, sanitised hast, the HTML
 * serialised from that hast, and its text content.
 *
 * @param mdast The tree to render (it is not changed).
 * @returns The four forms; `text` is exactly the text content of `html`.
 * @example
 *   renderTree(parseMarkdown('*hi*')).html // '<p><em>hi</em></p>'
 */
export function renderTree(mdast: MdastRoot): BuiltContent {
  const hast = toSafeHast(mdast)
  return {mdast: plain(mdast), hast, html: toHtml(hast), text: hastToString(hast)}
}

function bodyOf(document: ContentDocument): MdastRoot {
  return {type: 'root', children: [...document.body] as RootContent[]}
}

// A checklist item is inline content: the children of its paragraph's <p>,
// converted as a paragraph so no block newlines are inserted between them.
function itemHast(paragraph: Paragraph | undefined, id: string): HastRoot {
  const hast = toSafeHast({type: 'root', children: paragraph === undefined ? [] : [paragraph]})
  const p = hast.children.find((node): node is Element => node.type === 'element' && node.tagName === 'p')
  const inline: HastRoot = {type: 'root', children: p?.children ?? []}
  // An item written over several lines reads as one line: its `text` folds
  // each line break (and the spaces around it) to one space, so its tree does
  // too, node by node, and the two always read the same.
  visit(inline, 'text', (node) => {
    node.value = node.value.replace(/[ \t]*\n[ \t]*/g, ' ')
  })
  const expected = paragraph === undefined ? '' : plainText(paragraph)
  if (hastToString(inline) !== expected) {
    throw new Error(`renderData: checklist item "${id}" renders as other text than its \`text\`; keep it to text, emphasis, code and links`)
  }
  // The runtime fills placeholders node by node; one split across nodes
  // (`{ne*x*t}`) would survive unfilled, so the build refuses it here.
  const template = paragraph === undefined ? '' : hastToString(inline)
  const whole = findPlaceholders(template).length
  let split = 0
  visit(inline, 'text', (node) => {
    split += findPlaceholders(node.value).length
  })
  if (whole !== split) {
    throw new Error(`renderData: checklist item "${id}" has a placeholder split by formatting; keep each {…} in plain text`)
  }
  return inline
}

// Marks a placeholder in a text node while the item's HTML is serialised; a
// private-use character the content never holds (checked), which
// hast-util-to-html writes as is.
const MARK = '\uE000'
const PLACEHOLDER_IN_TEXT = /\{((?:round|previous|next)(?::[^{}:]*)?)\}/g

/**
 * Serialise an item's inline hast and split the HTML at each placeholder of a
 * text node, so the runtime fills exactly what it fills in the hast.
 *
 * @param inline The item's inline hast, placeholders unfilled.
 * @param id The item's id, for the error.
 * @returns HTML parts: even indices HTML, odd ones placeholder names.
 * @throws {Error} When the item's HTML already holds the marker character.
 */
function itemHtml(inline: HastRoot, id: string): string[] {
  if (toHtml(inline).includes(MARK)) throw new Error(`renderData: checklist item "${id}" holds U+E000, a private-use character the build reserves`)
  const marked = structuredClone(inline)
  visit(marked, 'text', (node) => {
    node.value = node.value.replace(PLACEHOLDER_IN_TEXT, `${MARK}$1${MARK}`)
  })
  return toHtml(marked).split(MARK)
}

/**
 * Build the render data of the source or of a translation: the introduction
 * and each step body in every form, and each checklist item's inline hast and
 * HTML with their placeholders still in. The source's steps and items come in
 * the source's order, each rendered from the translation where it has one
 * and from the source (a fallback) where it does not, as `compileGuide` does.
 *
 * @param result A passing lint result (the same one `compileGuide` used).
 * @param locale One of `result.locales`; the source when left out.
 * @returns Data for `src/generated/locales/<tag>/render-data.ts`.
 * @throws {Error} When `result` failed.
 * @throws {ContentBuildError} When rendering a file or item fails (an item that splits a placeholder across formatting, or reads other than its text), naming the file and position.
 * @example
 *   emitRenderModule(compileRenderData(lint, lint.locales[0]))
 */
export function compileRenderData(result: LintResult, locale?: LocaleLint): RenderData {
  const source = result.sourceView
  const folder = locale ?? source
  if (result.failed || source === undefined || folder?.guide === undefined) {
    throw new Error('compileRenderData: expected content that passed the lint, received a failed result')
  }
  const index = indexSource(source)
  const steps = new Map(folder.steps.map((document) => [stepIdOf(document), document]))
  const translated = new Map<string, {document: ContentDocument; item: ChecklistEntry}>()
  for (const document of folder.steps) for (const item of document.items) translated.set(item.attributes?.id ?? '', {document, item})
  // Each file and item rendered on its own, so a failure names where it came from.
  const items: Record<string, BuiltItem> = {}
  for (const step of index.steps.values()) {
    for (const id of step.items) {
      const original = index.items.get(id)
      const {document, item} = translated.get(id) ?? {document: original?.document ?? step.document, item: original?.entry as ChecklistEntry}
      items[id] = inContent(document.file, item.node, 'render', () => {
        const hast = itemHast(item.paragraph, id)
        return {hast, html: itemHtml(hast, id)}
      })
    }
  }
  return {
    introduction: renderBody(folder.guide),
    steps: [...index.steps.values()].map((step) => renderBody(steps.get(step.id) ?? step.document)),
    items,
  }
}

function renderBody(document: ContentDocument): BuiltContent {
  return inContent(document.file, document.body[0], 'render', () => renderTree(bodyOf(document)))
}
