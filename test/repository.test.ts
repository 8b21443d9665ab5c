// The content this repository ships, as an editor leaves it: lint-clean, and
// recorded by `npm run content:version` (manifest, package.json, CHANGELOG.md).
// Every expectation comes from those files, so any release made the
// documented way passes with no edit here (test/release-loop.test.ts proves it).
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildGuide, buildRules, diagnostics} from '../pipeline/index.js'
import type {Manifest, ManifestRelease} from '../pipeline/release/manifest.js'
import {checkHistory, snapshot} from '../pipeline/release/versioning.js'
import {guide} from '../src/index.js'
import {ROOT} from './helpers.js'

const manifest = JSON.parse(await readFile(path.join(ROOT, 'content/manifest.json'), 'utf8')) as Manifest
const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {version: string}
const lock = JSON.parse(await readFile(path.join(ROOT, 'package-lock.json'), 'utf8')) as {version: string; packages: Record<string, {version?: string}>}
const changelog = await readFile(path.join(ROOT, 'CHANGELOG.md'), 'utf8')
const latest = manifest.releases.at(-1) as ManifestRelease
// As the build does: spelling is test/fresh-clone.test.ts's (its dictionaries take seconds).
const built = await buildGuide({contentDir: path.join(ROOT, 'content'), version: pkg.version, cwd: ROOT, rules: buildRules})

describe('the content of this repository', () => {
  it('passes the content lint (`npm run check:content`) with no error', () => {
    // Warnings (a translation missing or outdated) may ship: a release never
    // waits for its translations. `check --strict` holds them to none.
    expect(diagnostics(built.files).filter((d) => d.severity === 'error')).toEqual([])
    expect(built.guide).toBeDefined()
  })

  it('is the generated data the package ships (else run `npm run build`)', () => {
    expect(guide, 'src/generated/ is older than content/: run `npm run build`').toEqual(built.guide)
  })
})

describe('versioning discipline of this repository', () => {
  it('records the content as it is now (else run `npm run content:version`)', () => {
    const {version: _, date: __, ...recorded} = latest
    expect(snapshot(built.guide!, built.replaces, built.locales), 'content/ changed but its version did not: run `npm run content:version`').toEqual(recorded)
  })

  it('ships the latest release version as package.json, package-lock.json and guide.version', () => {
    expect(pkg.version).toBe(latest.version)
    expect(lock.version).toBe(latest.version)
    expect(lock.packages['']?.version).toBe(latest.version)
    expect(guide.version).toBe(latest.version)
  })

  it('has a sound history: versions grow by at least what each change needs, no retired id returns', () => {
    expect(checkHistory(manifest)).toEqual([])
  })

  it('has a CHANGELOG entry for every released version', () => {
    for (const {version} of manifest.releases) {
      expect(changelog, `CHANGELOG.md has no "## [${version}]" entry`).toMatch(new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'))
    }
  })
})
