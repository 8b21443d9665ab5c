import type {Nodes, Root} from 'hast'

/**
 * Copy a hast tree with every text node's value passed through `map`.
 *
 * @param tree The tree (not changed).
 * @param map What to do with each text value.
 * @returns A new tree; elements and their properties are shared, not copied.
 * @example
 *   mapText(tree, (value) => renderTemplate(value, 3))
 */
export function mapText(tree: Root, map: (value: string) => string): Root {
  return mapNode(tree, map) as Root
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

function mapNode(node: Nodes, map: (value: string) => string): Nodes {
  if (node.type === 'text') return {...node, value: map(node.value)}
  if (node.type === 'root' || node.type === 'element') {
    return {...node, children: node.children.map((child) => mapNode(child, map))} as Nodes
  }
  return node
}
