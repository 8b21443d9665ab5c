// What a lint tip may point to: documentation someone who has only the
// installed package can open, i.e. files in the published file list
// (test/fixtures/package-files.json) and headings of its README.md.
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {FIXTURES} from './fixture-content.js'
import {ROOT} from './helpers.js'
import {publishedFiles} from './package-files.js'

// A documentation file named in a tip: a capitalised name (`README.md`,
// `CHANGELOG.md`) or a path with a folder (`content/README.md`), with an
// optional `#anchor`. Content file names (`guide.md`, `03-be-specific.md`,
// `steps/NN-step-id.md`, `content/guide.md`) name the editor's own files,
// not documentation.
const DOC_REFERENCE = /(?<![\w/.-])((?:[\w-]+\/)+[\w.-]+\.md|[A-Z][A-Z\d_-]*\.md)(#[\w-]+)?/g

/**
 * The documentation references in a tip, as written.
 *
 * @param tip A rule's or a diagnostic's tip.
 * @returns Each `file` or `file#anchor` it names, in order.
 */
export function docReferences(tip: string): string[] {
  return [...tip.matchAll(DOC_REFERENCE)]
    .filter((match) => !/(?:^|\/)(?:steps\/|guide\.md$)/.test(match[1] ?? ''))
    .map((match) => `${match[1] ?? ''}${match[2] ?? ''}`)
}

// GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-')
}

// What the package ships and its README's anchors, read once per process
// (lint-rules asks for every fixture's tip).
let documentation: Promise<{shipped: string[]; anchors: Set<string>}> | undefined
async function readDocumentation(): Promise<{shipped: string[]; anchors: Set<string>}> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8')
  const anchors = new Set(
    readme
      .replace(/^```[^]*?^```/gm, '')
      .split('\n')
      .filter((line) => /^#{1,6} /.test(line))
      .map((line) => slug(line.replace(/^#+ /, ''))),
  )
  return {shipped: await publishedFiles(), anchors}
}

/**
 * The references in a tip that the installed package cannot satisfy: a file
 * it does not ship, or an anchor its README has no heading for.
 *
 * @param tip A rule's or a diagnostic's tip.
 * @returns The broken references (empty when all resolve).
 */
export async function missingReferences(tip: string): Promise<string[]> {
  const {shipped, anchors} = await (documentation ??= readDocumentation())
  const urls = [...tip.matchAll(/\bhttps?:\/\/[\w-]+\.[^\s`)]+/g)].map((match) => match[0])
  return [
    // A URL cannot be checked offline, nor opened by everyone who has the package.
    ...urls,
    ...docReferences(tip).filter((reference) => {
      const [file = '', anchor] = reference.split('#')
      if (!shipped.includes(file)) return true
      return anchor !== undefined && (file !== 'README.md' || !anchors.has(anchor))
    }),
  ]
}
