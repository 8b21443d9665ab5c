// Bytes a web app pays: a browser bundle using getStep and checklistForRound,
// minified and gzipped, against gzip -9 of the markdown it was built from.
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {gzipSync} from 'node:zlib'
import {measureBundle} from '../../scripts/bundle-size.js'
import {NAME, ROOT} from '../consumer.js'
import {type Figure, format} from '../figure.js'

/** What {@link measureSize} found. */
export interface SizeResult {
  readonly figure: Figure
  readonly bundle: {readonly minified: number; readonly gzip: number}
  readonly markdown: {readonly raw: number; readonly gzip: number}
  /** The same figure for each locale's entry, against that locale's markdown. */
  readonly locales: readonly Figure[]
}

// A locale's markdown, as one download: guide.md then the steps in file-name order.
async function gzippedMarkdown(folder: string): Promise<{raw: number; gzip: number} | undefined> {
  const steps = await readdir(path.join(folder, 'steps')).catch(() => undefined)
  if (steps === undefined) return undefined
  const files = ['guide.md', ...steps.filter((name) => name.endsWith('.md')).sort().map((name) => path.join('steps', name))]
  const markdown = Buffer.concat(await Promise.all(files.map((file) => readFile(path.join(folder, file)))))
  return {raw: markdown.byteLength, gzip: gzipSync(markdown, {level: 9}).byteLength}
}

/**
 * Each locale's entry (`getStep`, `checklistForRound` from
 * `ace-second-interview/locales/<tag>`) against gzip -9 of that locale's own
 * markdown (`content/` for the source, `content/locales/<tag>/` otherwise).
 *
 * @returns One figure per locale; a locale with no markdown yet has no baseline.
 */
async function measureLocales(): Promise<Figure[]> {
  const {LOCALES, SOURCE_LOCALE} = await import('../../src/generated/locales.js')
  const figures: Figure[] = []
  for (const tag of LOCALES) {
    const bundle = await measureBundle(`export {getStep, checklistForRound} from '${NAME}/locales/${tag}'`, ROOT)
    const folder = tag === SOURCE_LOCALE ? 'content' : `content/locales/${tag}`
    const markdown = await gzippedMarkdown(path.join(ROOT, folder))
    figures.push({
      name: `browser bundle of \`locales/${tag}\` (\`getStep\`, \`checklistForRound\`), min+gzip`,
      measured: `${bundle.gzip} B`,
      baseline: markdown === undefined ? `none (no ${folder}/)` : `${markdown.gzip} B (\`gzip -9\` of ${folder}/*.md)`,
      ratio: markdown === undefined ? '–' : `${format(bundle.gzip / markdown.gzip)}×`,
      goal: '≤ 1.5×',
      met: markdown === undefined ? undefined : bundle.gzip / markdown.gzip <= 1.5,
    })
  }
  return figures
}

/**
 * Measure the bundle and the markdown baseline (guide.md then the steps, in
 * file-name order, concatenated and gzipped once, as one download would be).
 *
 * @returns The figure and the byte counts.
 */
export async function measureSize(): Promise<SizeResult> {
  const bundle = await measureBundle(`export {getStep, checklistForRound} from '${NAME}'`, ROOT)
  const steps = (await readdir(path.join(ROOT, 'content/steps'))).sort().map((name) => path.join('content/steps', name))
  const sources = await Promise.all(['content/guide.md', ...steps].map((file) => readFile(path.join(ROOT, file))))
  const markdown = Buffer.concat(sources)
  const gzip = gzipSync(markdown, {level: 9}).byteLength
  return {
    figure: {
      name: 'browser bundle (`getStep`, `checklistForRound`), min+gzip',
      measured: `${bundle.gzip} B`,
      baseline: `${gzip} B (\`gzip -9\` of content/*.md)`,
      ratio: `${format(bundle.gzip / gzip)}×`,
      goal: '≤ 1.5×',
      met: bundle.gzip / gzip <= 1.5,
    },
    bundle: {minified: bundle.minified, gzip: bundle.gzip},
    markdown: {raw: markdown.byteLength, gzip},
    locales: await measureLocales(),
  }
}
