// Third-party notices: the bundled entries carry code from many packages
// (unified, remark, micromark, yaml, vfile…), and most of their licences ask
// that the notice travel with the code. An esbuild plugin collects every
// package whose files went into a bundle (the metafile's inputs) and writes
// their names, versions and licence texts beside the bundle.
import {mkdir, readFile, readdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {Plugin} from 'esbuild'

/** One bundled package and its licence. */
export interface BundledPackage {
  readonly name: string
  readonly version: string
  /** The `license` field of its package.json (`'UNKNOWN'` when absent). */
  readonly license: string
  /** Its licence files' names and texts, in name order. */
  readonly texts: ReadonlyArray<{readonly file: string; readonly text: string}>
}

// LICENSE, LICENCE, LICENSE.md, license-mit, COPYING, NOTICE…
const LICENCE_FILE = /^(?:licen[cs]e|copying|notice)(?:[.-].*)?$/i

/**
 * The folder of the package a bundled file came from.
 *
 * @param input A metafile input path (`node_modules/@scope/name/lib/x.js`).
 * @returns `node_modules/@scope/name`, or `undefined` for the project's own files.
 * @example
 *   packageFolderOf('node_modules/yaml/dist/index.js') // 'node_modules/yaml'
 */
export function packageFolderOf(input: string): string | undefined {
  const parts = input.split(/[\\/]/)
  const at = parts.lastIndexOf('node_modules')
  if (at === -1 || at + 1 >= parts.length) return undefined
  const scoped = parts[at + 1]!.startsWith('@')
  return parts.slice(0, at + (scoped ? 3 : 2)).join('/')
}

// `license: 'MIT'`, or the old `licenses: [{type: 'MIT'}]`.
function licenseOf(manifest: {license?: unknown; licenses?: unknown}): string {
  if (typeof manifest.license === 'string') return manifest.license
  const types = Array.isArray(manifest.licenses) ? manifest.licenses.map((entry) => (entry as {type?: unknown})?.type).filter((type) => typeof type === 'string') : []
  return types.length > 0 ? types.join(' OR ') : 'UNKNOWN'
}

/**
 * The "License" section of a markdown readme (ATX or setext heading), up to
 * the next heading.
 *
 * @param markdown The readme.
 * @returns The section's text, or `undefined` when it has none.
 * @example
 *   licenceSection('# x\n\n## License\n\nMIT\n') // 'MIT'
 */
export function licenceSection(markdown: string): string | undefined {
  const lines = markdown.split(/\r?\n/)
  const isHeading = (index: number): boolean => /^#{1,6}\s/.test(lines[index] ?? '') || /^(?:=+|-+)\s*$/.test(lines[index + 1] ?? '') && (lines[index] ?? '').trim() !== ''
  const title = (index: number): string => (lines[index] ?? '').replace(/^#{1,6}\s+/, '').replace(/\s*#*\s*$/, '').trim()
  const start = lines.findIndex((_, index) => isHeading(index) && /^licen[cs]e$/i.test(title(index)))
  if (start === -1) return undefined
  const body = /^#/.test(lines[start] ?? '') ? start + 1 : start + 2
  let end = body
  while (end < lines.length && !isHeading(end)) end++
  const text = lines.slice(body, end).join('\n').trim()
  return text === '' ? undefined : text
}

/**
 * Read the licence of every package the inputs come from.
 *
 * @param inputs Metafile input paths, relative to `root`.
 * @param root The folder esbuild ran in.
 * @returns One entry per package (name and version), sorted.
 * @throws {Error} When a package has no package.json.
 */
export async function bundledPackages(inputs: readonly string[], root: string): Promise<BundledPackage[]> {
  const folders = [...new Set(inputs.map(packageFolderOf).filter((folder) => folder !== undefined))]
  const found = await Promise.all(
    folders.map(async (folder): Promise<BundledPackage> => {
      const absolute = path.join(root, folder)
      const manifest = JSON.parse(await readFile(path.join(absolute, 'package.json'), 'utf8')) as {name: string; version: string; license?: unknown; licenses?: unknown}
      const entries = (await readdir(absolute)).sort()
      const names = entries.filter((name) => LICENCE_FILE.test(name))
      let texts = await Promise.all(names.map(async (file) => ({file, text: (await readFile(path.join(absolute, file), 'utf8')).trim()})))
      if (texts.length === 0) {
        // A few old packages (format@0.2) state their licence only in the readme.
        const readme = entries.find((name) => /^readme(?:\.|$)/i.test(name))
        const section = readme === undefined ? undefined : licenceSection(await readFile(path.join(absolute, readme), 'utf8'))
        if (readme !== undefined && section !== undefined) texts = [{file: `${readme} (its licence section)`, text: section}]
      }
      return {name: manifest.name, version: manifest.version, license: licenseOf(manifest), texts}
    }),
  )
  const unique = new Map(found.map((entry) => [`${entry.name}@${entry.version}`, entry]))
  return [...unique.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1))
}

/**
 * Write the notices as markdown: a list, then each package's licence text.
 *
 * @param packages What {@link bundledPackages} returned.
 * @param bundles The bundle files the notices cover, for the heading.
 * @returns The file's text (the same for the same packages: no dates).
 */
export function renderNotices(packages: readonly BundledPackage[], bundles: readonly string[]): string {
  const fenceFor = (text: string): string => '~'.repeat(Math.max(3, ...[...text.matchAll(/~{3,}/g)].map((m) => m[0].length + 1)))
  const sections = packages.map((entry) => {
    const texts =
      entry.texts.length === 0
        ? [`No licence file ships with this package; its package.json declares \`${entry.license}\`.`]
        : entry.texts.map(({file, text}) => `${file}:\n\n${fenceFor(text)}text\n${text}\n${fenceFor(text)}`)
    return [`## ${entry.name}@${entry.version}`, '', `License: ${entry.license}`, '', texts.join('\n\n')].join('\n')
  })
  return [
    '# Third-party notices',
    '',
    `${bundles.map((file) => `\`${file}\``).join(' and ')} bundle code from the ${packages.length} packages below, so that the`,
    'installed package needs no dependencies. Their licences follow. Generated by the build',
    '(scripts/notices.ts); do not edit by hand.',
    '',
    ...packages.map((entry) => `- ${entry.name}@${entry.version} (${entry.license})`),
    '',
    sections.join('\n\n'),
    '',
  ].join('\n')
}

/**
 * An esbuild plugin that writes the notices for what the ESM build bundled
 * (the CJS build of the same entry bundles the same packages).
 *
 * @param file The notices file's name, inside the build's out dir.
 * @param bundles The bundle files the notices cover, for the heading.
 * @returns The plugin.
 */
export function thirdPartyNotices(file: string, bundles: readonly string[]): Plugin {
  return {
    name: 'third-party-notices',
    setup(build) {
      if (build.initialOptions.format !== 'esm') return
      build.initialOptions.metafile = true
      build.onEnd(async (result) => {
        if (result.errors.length > 0 || result.metafile === undefined) return
        const root = build.initialOptions.absWorkingDir ?? process.cwd()
        const outdir = path.resolve(root, build.initialOptions.outdir ?? 'dist')
        const text = renderNotices(await bundledPackages(Object.keys(result.metafile.inputs), root), bundles)
        // Into the build's staging folder, which is swapped into place only whole.
        await mkdir(outdir, {recursive: true})
        await writeFile(path.join(outdir, file), text)
      })
    },
  }
}
