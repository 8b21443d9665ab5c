// Bytes an app pays: what `npm install` puts on disk, and a browser bundle
// using getStep and checklistForRound, minified and gzipped, against gzip -9
// of the markdown it was built from.
import {spawnSync} from 'node:child_process'
import {readFile, readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import {gzipSync} from 'node:zlib'
import {measureBundle} from '../../scripts/bundle-size.js'
import {NAME, ROOT} from '../consumer.js'
import {type Figure, format} from '../figure.js'

/** What {@link measureSize} found. */
export interface SizeResult {
  readonly figure: Figure
  /** What an app installs. */
  readonly install: Figure
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

/** Bytes of a folder's files, nested `node_modules` left out (they are counted as packages). */
async function folderBytes(folder: string): Promise<number> {
  const names = (await readdir(folder, {recursive: true})).filter((name) => !name.split(path.sep).includes('node_modules'))
  const sizes = await Promise.all(names.map(async (name) => {
    const info = await stat(path.join(folder, name))
    return info.isFile() ? info.size : 0
  }))
  return sizes.reduce((sum, size) => sum + size, 0)
}

/**
 * What `npm install ace-second-interview` puts on disk: the package's files
 * unpacked (as `npm pack` lists them) and every package it pulls in
 * (dependencies and required peers, as installed in this project's
 * node_modules), against the packed tarball.
 *
 * @returns One figure; the goal is the packaging issue's 600 kB.
 * @throws {Error} When `npm pack --dry-run` fails.
 */
async function measureInstall(): Promise<Figure> {
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: ROOT, encoding: 'utf8'})
  if (pack.status !== 0) throw new Error(`npm pack --dry-run exited ${pack.status}: ${pack.stderr}`)
  const [tarball] = JSON.parse(pack.stdout) as Array<{size: number; unpackedSize: number}>
  const pulled = new Map<string, number>()
  const visit = async (folder: string): Promise<void> => {
    const manifest = JSON.parse(await readFile(path.join(folder, 'package.json'), 'utf8')) as {dependencies?: object; peerDependencies?: object; peerDependenciesMeta?: Record<string, {optional?: boolean}>}
    const optional = (name: string): boolean => manifest.peerDependenciesMeta?.[name]?.optional === true
    const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}).filter((name) => !optional(name))]
    for (const name of names.filter((name) => !pulled.has(name))) {
      pulled.set(name, await folderBytes(path.join(ROOT, 'node_modules', name)))
      await visit(path.join(ROOT, 'node_modules', name))
    }
  }
  await visit(ROOT)
  const kB = (bytes: number): string => `${format(bytes / 1000, 0)} kB`
  const pulledBytes = [...pulled.values()].reduce((sum, bytes) => sum + bytes, 0)
  const total = tarball!.unpackedSize + pulledBytes
  return {
    name: 'install: the package unpacked, with the packages it pulls in',
    measured: `${kB(total)} (package ${kB(tarball!.unpackedSize)}, ${pulled.size} more packages ${kB(pulledBytes)})`,
    baseline: `${kB(tarball!.size)} (the packed tarball)`,
    ratio: `${format(total / tarball!.size, 1)}×`,
    goal: '≤ 600 kB',
    met: total <= 600_000,
  }
}

/**
 * Measure the install, the bundle and the markdown baseline (guide.md then the steps, in
 * file-name order, concatenated and gzipped once, as one download would be).
 *
 * @returns The figures and the byte counts.
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
    install: await measureInstall(),
    bundle: {minified: bundle.minified, gzip: bundle.gzip},
    markdown: {raw: markdown.byteLength, gzip},
    locales: await measureLocales(),
  }
}
