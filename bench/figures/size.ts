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
  }
}
