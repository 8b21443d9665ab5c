// Imports flow one way: no module reaches itself through its imports (type
// imports included, as madge counts them), and no folder imports one
// downstream of it (the runtime, src/, imports none of the build's code, so
// it ships without it). Read with TypeScript's own pre-processor, over the
// code that ships or builds.
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import {describe, expect, it} from 'vitest'
import {ROOT} from './helpers.js'

/** Each module's relative imports, by path from the root. */
function importGraph(folders: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const folder of folders) {
    for (const entry of readdirSync(path.join(ROOT, folder), {recursive: true, withFileTypes: true})) {
      if (!entry.isFile() || !/\.m?ts$/.test(entry.name) || /\.d\.m?ts$/.test(entry.name)) continue
      const file = path.relative(ROOT, path.join(entry.parentPath, entry.name))
      const {importedFiles} = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true)
      const targets = importedFiles
        .filter(({fileName}) => fileName.startsWith('.'))
        .map(({fileName}) => path.join(path.dirname(file), fileName).replace(/\.js$/, '.ts').replace(/\.mjs$/, '.mts'))
        .filter((target) => existsSync(path.join(ROOT, target)))
      graph.set(file, targets)
    }
  }
  return graph
}

/** The groups of modules that import each other, round and round (Tarjan's strongly connected components). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const order = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const found: string[][] = []
  const visit = (module: string): void => {
    order.set(module, order.size)
    low.set(module, order.get(module)!)
    stack.push(module)
    for (const target of graph.get(module) ?? []) {
      if (!order.has(target)) {
        visit(target)
        low.set(module, Math.min(low.get(module)!, low.get(target)!))
      } else if (stack.includes(target)) low.set(module, Math.min(low.get(module)!, order.get(target)!))
    }
    if (low.get(module) !== order.get(module)) return
    const group = stack.splice(stack.indexOf(module))
    if (group.length > 1 || graph.get(module)?.includes(module)) found.push(group.sort())
  }
  for (const module of graph.keys()) if (!order.has(module)) visit(module)
  return found.sort()
}

/** Folders each folder must not import from, type imports included. */
const DOWNSTREAM: Readonly<Record<string, readonly string[]>> = {
  src: ['pipeline', 'cli', 'scripts'],
  pipeline: ['cli', 'scripts'],
}

/** Each import from a folder into one downstream of it, as `from -> to`. */
function upstreamImports(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const folder = (file: string): string => file.split('/')[0]!
  return [...graph].flatMap(([from, targets]) => targets.filter((to) => DOWNSTREAM[folder(from)]?.includes(folder(to))).map((to) => `${from} -> ${to}`))
}

describe('imports', () => {
  it.each([
    {name: 'a module that imports itself', graph: {'a.ts': ['a.ts']}, found: [['a.ts']]},
    {name: 'a loop through three modules', graph: {'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'], 'd.ts': ['a.ts']}, found: [['a.ts', 'b.ts', 'c.ts']]},
    {name: 'a diamond', graph: {'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['d.ts'], 'c.ts': ['d.ts'], 'd.ts': []}, found: []},
  ])('finds $name', ({graph, found}) => {
    expect(cycles(new Map(Object.entries(graph)))).toEqual(found)
  })

  it('form no cycle in src/, pipeline/, cli/ and scripts/', () => {
    expect(cycles(importGraph(['src', 'pipeline', 'cli', 'scripts']))).toEqual([])
  })

  it('finds an import of the build\'s code from the runtime or the pipeline', () => {
    const graph = new Map(Object.entries({'src/a.ts': ['src/b.ts', 'pipeline/c.ts'], 'pipeline/c.ts': ['src/b.ts', 'cli/d.ts'], 'cli/d.ts': ['pipeline/c.ts', 'src/a.ts'], 'scripts/e.ts': ['cli/d.ts']}))
    expect(upstreamImports(graph)).toEqual(['src/a.ts -> pipeline/c.ts', 'pipeline/c.ts -> cli/d.ts'])
  })

  it('never go from src/ into pipeline/, cli/ or scripts/, nor from pipeline/ into cli/ or scripts/', () => {
    expect(upstreamImports(importGraph(['src', 'pipeline', 'cli', 'scripts']))).toEqual([])
  })
})
