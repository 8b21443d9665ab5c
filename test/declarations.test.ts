// scripts/declarations.ts on a small project of its own (not the package's
// sources): the bundles it writes, and the failure for an export whose type
// is not written in its own text.
import {mkdir, mkdtemp, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {writeDeclarations} from '../scripts/declarations.js'
import {ROOT} from './helpers.js'

let project: string

async function write(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(project, name)), {recursive: true})
    await writeFile(path.join(project, name), text)
  }
}

// The names a bundle's `export {…}` / `export type {…}` statements export,
// values and types apart (how the statements are laid out is the bundler's).
function exportsOf(text: string): {values: string[]; types: string[]} {
  const values: string[] = []
  const types: string[] = []
  for (const [, typeOnly, list] of text.matchAll(/^export (type )?\{([^}]*)\};?$/gm)) {
    for (const item of list!.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
      const name = item.replace(/^type /, '').split(' as ').at(-1)!
      if (typeOnly !== undefined || item.startsWith('type ')) types.push(name)
      else values.push(name)
    }
  }
  return {values: values.sort(), types: types.sort()}
}

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'ace-declarations-'))
  // The packages an inlining entry inlines (vfile's types) resolve from here.
  await symlink(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'))
  await write({
    'src/index.ts': "export {make} from './make.js'\nexport type {Thing} from './thing.js'\n",
    'src/make.ts': "import type {Thing} from './thing.js'\n/** Makes one. */\nexport function make(file: Thing['file']): Thing {\n  return {file}\n}\n",
    'src/thing.ts': "import type {VFile} from 'vfile'\n/** A thing. */\nexport interface Thing {\n  readonly file: VFile\n}\n",
    'broken/index.ts': "export {count} from './count.js'\n",
    'broken/count.ts': "const items = [1, 2]\nexport const count = items.length\nexport function twice(n: number) {\n  return n * 2\n}\n",
    // Text outside ASCII before an import(): the parser's spans count UTF-16
    // units there, its declaration errors UTF-8 bytes.
    'lazy/index.ts': "// Zürich, São Paulo, Kraków: élan.\n/** Loads one. */\nexport function load(): Promise<typeof import('./later.js')> {\n  return import('./later.js')\n}\n",
    'lazy/later.ts': "/** Later. */\nexport interface Later {\n  readonly when: string\n}\n/** Later's value. */\nexport const later: Later = {when: 'soon'}\n",
  })
})

afterAll(async () => {
  await rm(project, {recursive: true, force: true})
})

describe('writeDeclarations', () => {
  it.each([
    {inlinePackages: false, has: [/from ["']vfile["']/, /interface Thing\b/, /declare function make\b/], hasNot: [/declare class VFile\b/]},
    {inlinePackages: true, has: [/declare class VFile\b/, /interface Thing\b/, /declare function make\b/], hasNot: [/from ["']vfile["']/]},
  ])('bundles an entry into one .d.cts, which the .d.ts re-exports (inlinePackages: $inlinePackages)', async ({inlinePackages, has, hasNot}) => {
    const out = path.join(project, `out-${inlinePackages}`)
    await mkdir(out)
    await writeDeclarations(project, out, {index: 'src/index.ts'}, inlinePackages)
    const text = await readFile(path.join(out, 'index.d.cts'), 'utf8')
    for (const part of has) expect(text).toMatch(part)
    for (const part of hasNot) expect(text).not.toMatch(part)
    expect(exportsOf(text)).toEqual({values: ['make'], types: ['Thing']})
    expect(await readFile(path.join(out, 'index.d.ts'), 'utf8')).toBe("export * from './index.cjs'\n")
  })

  it('follows an import() after text outside ASCII to its module', async () => {
    const out = path.join(project, 'out-lazy')
    await mkdir(out)
    await writeDeclarations(project, out, {index: 'lazy/index.ts'}, false)
    const text = await readFile(path.join(out, 'index.d.cts'), 'utf8')
    expect(text).toMatch(/declare function load\b/)
    expect(text).toMatch(/interface Later\b/)
  })

  it('fails naming the file of an export whose type is not in its own text, and writes nothing', async () => {
    const out = path.join(project, 'out-broken')
    await mkdir(out)
    const failure = await writeDeclarations(project, out, {index: 'broken/index.ts'}, false).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(Error)
    expect((failure as Error).message).toContain(path.join('broken', 'count.ts'))
    expect((failure as Error).message).toMatch(/isolated-?declarations/i)
    await expect(readFile(path.join(out, 'index.d.cts'), 'utf8')).rejects.toThrow(/ENOENT/)
  })
})
