// Shared by test/readme.test.ts and test/e2e/vue.test.ts: the READMEs' fenced
// blocks, and a consumer project to check them in.
import {mkdir, readdir, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {ROOT} from './helpers.js'

const NAME = 'ace-second-interview'

/** The markdown files whose code blocks the tests check. */
export const READMES = ['README.md', 'CONTRIBUTING.md', 'content/README.md', 'packages/check/README.md'] as const

/** One fenced code block. */
export interface Block {
  readonly file: string
  /** 1-based line of the opening fence. */
  readonly line: number
  /** The info string's first word, lower-cased (`''` when there is none). */
  readonly lang: string
  readonly code: string
}

/**
 * The fenced blocks (``` or ~~~, any length) of a markdown file, in order.
 *
 * @param file The file's name, for messages.
 * @param markdown Its text.
 * @returns Every block with its line and language.
 */
export function fencedBlocks(file: string, markdown: string): Block[] {
  const blocks: Block[] = []
  const lines = markdown.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[index]!)
    if (open === null) continue
    const fence = open[1]!
    const body: string[] = []
    let end = index + 1
    while (end < lines.length && !new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(lines[end]!)) body.push(lines[end++]!)
    blocks.push({file, line: index + 1, lang: open[2]!.toLowerCase(), code: `${body.join('\n')}\n`})
    index = end
  }
  return blocks
}

/**
 * A consumer project: the packed packages as installed, beside the
 * repository's devDependencies (React, Vue, hast utilities) that recipes use.
 *
 * @param packed What the global setup provided (`inject('packed')`).
 * @param name A folder name unique to the calling test file.
 * @returns The project's folder (an ES module project).
 */
export async function projectWithDevDependencies(packed: {readonly scratch: string; readonly install: string}, name: string): Promise<string> {
  const project = path.join(packed.scratch, name)
  await mkdir(path.join(project, 'node_modules'), {recursive: true})
  await writeFile(path.join(project, 'package.json'), '{"name": "readme-consumer", "private": true, "type": "module"}\n')
  // The two packages as packed, not the repository's own (the check package is a workspace link there).
  const packages = [NAME, `${NAME}-check`]
  for (const entry of await readdir(path.join(ROOT, 'node_modules'))) {
    if (entry.startsWith('.') || packages.includes(entry)) continue
    await symlink(path.join(ROOT, 'node_modules', entry), path.join(project, 'node_modules', entry), 'dir')
  }
  for (const name of packages) await symlink(path.join(packed.install, 'node_modules', name), path.join(project, 'node_modules', name), 'dir')
  return project
}
