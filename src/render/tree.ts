import type {Nodes} from 'hast'

/**
 * Copy a hast tree with every text node's value passed through `map`.
 *
 * @param tree The tree (not changed).
 * @param map What to do with each text value.
 * @returns A new tree; elements and their properties are shared, not copied.
 * @example
 *   mapText(tree, (value) => renderTemplate(value, 3))
 */
export function mapText<T extends Nodes>(tree: T, map: (value: string) => string): T {
  if (tree.type === 'text') return {...tree, value: map(tree.value)}
  if (tree.type === 'root' || tree.type === 'element') {
    return {...tree, children: tree.children.map((child) => mapText(child, map))}
  }
  return tree
}

/**
 * The text content of a hast tree: its text nodes' values, in order (what
 * `textContent` gives for its HTML).
 *
 * @param node The tree.
 * @returns The text.
 * @example
 *   textOf({type: 'root', children: [{type: 'text', value: 'a'}]}) // 'a'
 */
export function textOf(node: Nodes): string {
  if ('children' in node) return node.children.map(textOf).join('')
  return node.type === 'text' ? node.value : ''
}
