// Bytes an app pays: what `npm install` puts on disk (each package), and a browser bundle
// using getStep and checklistForRound, minified and gzipped, against gzip -9
// of the markdown it was built from.
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {gzipSync} from 'node:zlib'
import {measureBundle, measureInstalls, packedSize} from '../../scripts/bundle-size.js'
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
 * pack` lists them), against its packed tarball; the goal is the budget in
 * size-budget.json for its code (all but the content's data). The package is
 * what an app that only shows the guide installs (with the types-only
 * packages it pulls in, named beside it); the check package (packages/check/)
 * is what an app that checks its own content adds.
 *
 * @returns One figure per package.
 * @throws {Error} When `npm pack --dry-run` fails.
 */
async function measureInstall(locales: number): Promise<Figure[]> {
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
  const who: Record<string, string> = {[NAME]: 'an app that only shows the guide', [`${NAME}-check`]: 'what an app that checks its content adds'}
  return (await measureInstalls(ROOT, locales)).map((install) => ({
    name: `install: \`${install.name}\` unpacked (${who[install.name] ?? install.name})`,
    measured: `${kB(install.unpacked)}${install.content === 0 ? '' : `: ${kB(install.code)} code, ${kB(install.content)} content`}${install.name === NAME ? ` (and ${pulled.size} types-only packages, ${kB(pulledBytes)})` : ''}`,
    baseline: `${kB(install.packed)} (the packed tarball)`,
    ratio: `${format(install.unpacked / install.packed, 1)}×`,
    goal: `code ≤ ${kB(install.limit)} (size-budget.json)`,
    met: install.code <= install.limit,
  }))
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
  const figures = await measureInstall(LOCALES.length)
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
