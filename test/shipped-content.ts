// What content/ says, read straight from the markdown with a few regular
// expressions rather than through the pipeline: the tests of the shipped data
// take their expectations from here, so they follow any change to the content
// and still check the pipeline's output against an independent reading.
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {ROOT} from './helpers.js'

/** One `steps/NN-*.md` file, as written. */
export interface ContentStep {
  /** Path relative to the content folder, e.g. `steps/02-make-a-plan.md`. */
  readonly file: string
  readonly id: string
  readonly number: number
  readonly title: string
  /** The checklist items' ids, in order. */
  readonly itemIds: readonly string[]
}

/** The guide as content/ writes it. */
export interface ContentFiles {
  readonly title: string
  /** `locale:` of guide.md (`en-GB` when it says none). */
  readonly locale: string
  /** `rounds:` of guide.md parsed: `2+` is `{from: 2, to: null}`. */
  readonly rounds: {readonly from: number; readonly to: number | null}
  /** Sorted by step number. */
  readonly steps: readonly ContentStep[]
}

function frontMatter(text: string, file: string): Record<string, string> {
  const match = /^---\n([^]*?)\n---\n/.exec(text)
  if (match === null) throw new Error(`${file}: expected front matter`)
  return Object.fromEntries(
    match[1]!.split('\n').flatMap((line) => {
      const pair = /^(\w+):\s*(.*)$/.exec(line)
      return pair === null ? [] : [[pair[1]!, pair[2]!.trim()]]
    }),
  )
}

function heading(text: string, file: string): string {
  const match = /^# (.+)$/m.exec(text)
  if (match === null) throw new Error(`${file}: expected a "# Title" line`)
  return match[1]!.trim()
}

function parseRounds(value: string | undefined): ContentFiles['rounds'] {
  const match = /^(\d+)(?:(\+)|-(\d+))?$/.exec(value ?? '')
  if (match === null) throw new Error(`guide.md: expected rounds as N, N+ or N-M, found ${JSON.stringify(value)}`)
  const from = Number(match[1])
  return {from, to: match[2] === '+' ? null : Number(match[3] ?? from)}
}

/**
 * Read a content folder's markdown.
 *
 * @param directory The content folder; `content/` by default.
 * @returns Its title, rounds and steps.
 */
export async function readContentFiles(directory = path.join(ROOT, 'content')): Promise<ContentFiles> {
  const guide = await readFile(path.join(directory, 'guide.md'), 'utf8')
  const names = (await readdir(path.join(directory, 'steps'))).filter((name) => name.endsWith('.md'))
  const steps = await Promise.all(
    names.map(async (name): Promise<ContentStep> => {
      const file = `steps/${name}`
      const text = await readFile(path.join(directory, file), 'utf8')
      const data = frontMatter(text, file)
      return {
        file,
        id: data['id'] ?? '',
        number: Number(data['step']),
        title: heading(text, file),
        itemIds: [...text.matchAll(/^- \[ \] .*\{#([\w-]+)[^}]*\}\s*$/gm)].map((match) => match[1]!),
      }
    }),
  )
  return {
    title: heading(guide, 'guide.md'),
    locale: frontMatter(guide, 'guide.md')['locale'] ?? 'en-GB',
    rounds: parseRounds(frontMatter(guide, 'guide.md')['rounds']),
    steps: steps.sort((a, b) => a.number - b.number),
  }
}

/** content/ as the tests of the shipped data see it. */
export const CONTENT = await readContentFiles()
