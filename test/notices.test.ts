// The check package (which the bin loads for `check`) bundles third-party
// code; it ships those packages' licences in its
// dist/THIRD-PARTY-NOTICES.md.
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {build} from 'esbuild'
import {describe, expect, it} from 'vitest'
import {bundledPackages, licenceSection, packageFolderOf, renderNotices} from '../scripts/notices.js'
import {ROOT} from './helpers.js'

const NOTICES = path.join(ROOT, 'packages/check/dist/THIRD-PARTY-NOTICES.md')

/** Every package esbuild pulls into a bundle of the check entry, as name@version. */
async function bundled(): Promise<string[]> {
  const result = await build({entryPoints: [path.join(ROOT, 'pipeline/check.ts')], absWorkingDir: ROOT, bundle: true, platform: 'node', format: 'esm', target: 'node20', metafile: true, write: false, logLevel: 'silent'})
  const folders = [...new Set(Object.keys(result.metafile.inputs).map(packageFolderOf).filter((folder) => folder !== undefined))]
  const names = await Promise.all(
    folders.map(async (folder) => {
      const {name, version} = JSON.parse(await readFile(path.join(ROOT, folder, 'package.json'), 'utf8')) as {name: string; version: string}
      return `${name}@${version}`
    }),
  )
  return [...new Set(names)].sort()
}

describe('the check package\'s dist/THIRD-PARTY-NOTICES.md', () => {
  it('lists every bundled package, and only those, each with its licence text', async () => {
    const text = await readFile(NOTICES, 'utf8')
    const expected = await bundled()
    expect(expected.length).toBeGreaterThan(10)
    const sections = text.split(/^## /m).slice(1)
    expect(sections.map((section) => section.split('\n')[0]).sort()).toEqual(expected)
    for (const section of sections) {
      const title = section.split('\n')[0]
      expect(section, title).toMatch(/^License: \S/m)
      // At least one licence text, fenced, not empty.
      const fenced = /^(~{3,})text\n([\s\S]*?)\n\1$/m.exec(section)
      expect(fenced?.[2]?.trim(), title).toMatch(/\S{20}|copyright|licen[cs]e/i)
    }
  })

  it('is generated the same way from the same packages (no dates, sorted)', async () => {
    const packages = await bundledPackages(['node_modules/yaml/dist/index.js', 'node_modules/bail/index.js', 'node_modules/yaml/dist/parse.js'], ROOT)
    expect(packages.map((entry) => entry.name)).toEqual(['bail', 'yaml'])
    expect(renderNotices(packages, ['dist/check.js'])).toBe(renderNotices([...packages], ['dist/check.js']))
    expect(packages.every((entry) => entry.texts.length > 0)).toBe(true)
  })

  it.each([
    {input: 'node_modules/yaml/dist/index.js', folder: 'node_modules/yaml'},
    {input: 'node_modules/@ungap/structured-clone/esm/index.js', folder: 'node_modules/@ungap/structured-clone'},
    {input: 'node_modules/a/node_modules/b/index.js', folder: 'node_modules/a/node_modules/b'},
    {input: 'pipeline/check.ts', folder: undefined},
  ])('finds the package folder of $input', ({input, folder}) => {
    expect(packageFolderOf(input)).toBe(folder)
  })

  it.each([
    {name: 'an ATX heading', markdown: '# x\n\n## License\n\nMIT © Someone\n\n## Next\n\nmore', section: 'MIT © Someone'},
    {name: 'a setext heading', markdown: 'x\n=\n\nLicense\n=======\n\nCopyright 2010\n\n[MIT](http://x)\n', section: 'Copyright 2010\n\n[MIT](http://x)'},
    {name: 'British spelling', markdown: '## Licence\n\nISC\n', section: 'ISC'},
    {name: 'no licence section', markdown: '# x\n\ntext\n', section: undefined},
  ])('reads a readme\'s licence section under $name', ({markdown, section}) => {
    expect(licenceSection(markdown)).toBe(section)
  })
})
