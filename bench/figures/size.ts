// Bytes an app pays: what `npm install` puts on disk (each package), and a browser bundle
// using getStep and checklistForRound, minified and gzipped, against gzip -9
// of the markdown it was built from.
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {gzipSync} from 'node:zlib'
import {measureBundle, packedSize} from '../../scripts/bundle-size.js'
import {type Figure, NAME, ROOT, format} from '../measure.js'

// A locale's markdown, as one download: guide.md then the steps in file-name order.
async function gzippedMarkdown(folder: string): Promise<number | undefined> {
  const steps = await readdir(path.join(folder, 'steps')).catch(() => undefined)
  if (steps === undefined) return undefined
  const files = ['guide.md', ...steps.filter((name) => name.endsWith('.md')).sort().map((name) => path.join('steps', name))]
  const markdown = Buffer.concat(await Promise.all(files.map((file) => readFile(path.join(folder, file)))))
  return gzipSync(markdown, {level: 9}).byteLength
}

/**
 * What `npm install` puts on disk, per package: its files unpacked (as `npm
 * pack` lists them), against its packed tarball and its budget in
 * size-budget.json. The package is what an app that only shows the guide
 * installs (with the types-only packages it pulls in, named beside it); the
 * check package (packages/check/) is what an app that checks its own content adds.
 *
 * @returns One figure per package.
 * @throws {Error} When `npm pack --dry-run` fails.
 */
async function measureInstall(): Promise<Figure[]> {
  const {install} = JSON.parse(await readFile(path.join(ROOT, 'size-budget.json'), 'utf8')) as {install: Record<string, number>}
  const pulled = new Map<string, number>()
  const visit = async (folder: string): Promise<void> => {
    const manifest = JSON.parse(await readFile(path.join(folder, 'package.json'), 'utf8')) as {dependencies?: object; peerDependencies?: object; peerDependenciesMeta?: Record<string, {optional?: boolean}>}
    const optional = (name: string): boolean => manifest.peerDependenciesMeta?.[name]?.optional === true
    const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}).filter((name) => !optional(name))]
    for (const name of names.filter((name) => !pulled.has(name))) {
      pulled.set(name, packedSize(path.join(ROOT, 'node_modules', name)).unpackedSize)
      await visit(path.join(ROOT, 'node_modules', name))
    }
  }
  await visit(ROOT)
  const kB = (bytes: number): string => `${format(bytes / 1000, 0)} kB`
  const pulledBytes = [...pulled.values()].reduce((sum, bytes) => sum + bytes, 0)
  return [
    {folder: ROOT, name: `install: \`${NAME}\` unpacked (an app that only shows the guide)`, extra: ` (and ${pulled.size} types-only packages, ${kB(pulledBytes)})`},
    {folder: path.join(ROOT, 'packages/check'), name: `install: \`${NAME}-check\` unpacked (what an app that checks its content adds)`, extra: ''},
  ].map(({folder, name, extra}) => {
    const tarball = packedSize(folder)
    const budget = install[tarball.name]
    return {
      name,
      measured: `${kB(tarball.unpackedSize)}${extra}`,
      baseline: `${kB(tarball.size)} (the packed tarball)`,
      ratio: `${format(tarball.unpackedSize / tarball.size, 1)}×`,
      goal: budget === undefined ? '–' : `≤ ${kB(budget)} (size-budget.json)`,
      met: budget === undefined ? undefined : tarball.unpackedSize <= budget,
    }
  })
}

/**
 * Measure the installs, then the browser bundle of each entry (the main one and
 * each locale's: `getStep`, `checklistForRound`) against gzip -9 of the
 * markdown it was built from (`content/` for the source locale,
 * `content/locales/<tag>/` otherwise).
 *
 * @returns The install figures, then one bundle figure per entry; a locale with no markdown yet has no baseline.
 */
export async function measureSize(): Promise<Figure[]> {
  const {LOCALES, SOURCE_LOCALE} = await import('../../src/generated/locales.js')
  const figures = await measureInstall()
  for (const tag of [undefined, ...LOCALES]) {
    const entry = tag === undefined ? NAME : `${NAME}/locales/${tag}`
    const bundle = await measureBundle(`export {getStep, checklistForRound} from '${entry}'`, ROOT)
    const folder = tag === undefined || tag === SOURCE_LOCALE ? 'content' : `content/locales/${tag}`
    const markdown = await gzippedMarkdown(path.join(ROOT, folder))
    figures.push({
      name: `browser bundle of \`${entry}\` (\`getStep\`, \`checklistForRound\`), min+gzip`,
      measured: `${bundle.gzip} B`,
      baseline: markdown === undefined ? `none (no ${folder}/)` : `${markdown} B (\`gzip -9\` of ${folder}/*.md)`,
      ratio: markdown === undefined ? '–' : `${format(bundle.gzip / markdown)}×`,
      goal: '≤ 1.5×',
      met: markdown === undefined ? undefined : bundle.gzip / markdown <= 1.5,
    })
  }
  return figures
}
