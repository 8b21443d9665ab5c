// npm run content:version: compare content/ with the last release in
// content/manifest.json, work out the semver bump the change needs, then
// record the release in the manifest, package.json, package-lock.json and
// CHANGELOG.md (all or nothing: every text is made before any is written). See the README's versioning policy.
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {buildGuide, formatDiagnostics} from '../pipeline/index.js'
import {addRelease} from '../pipeline/changelog.js'
import {MANIFEST_FILE, type Manifest, type Release} from '../pipeline/manifest.js'
import {BUMPS, type Bump, bumpVersion, diffReleases, requiredBump, reusedIds, snapshot} from '../pipeline/versioning.js'

const USAGE = 'usage: npm run content:version -- [--release patch|minor|major] [--date YYYY-MM-DD] [--root <dir>]'

async function main(): Promise<number> {
  let values: {release?: string; date?: string; root?: string}
  try {
    ;({values} = parseArgs({options: {release: {type: 'string'}, date: {type: 'string'}, root: {type: 'string'}}}))
  } catch (error) {
    process.stderr.write(`content:version: ${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  const forced = values.release
  if (forced !== undefined && !['patch', 'minor', 'major'].includes(forced)) {
    process.stderr.write(`content:version: expected --release to be patch, minor or major, received "${forced}"\n${USAGE}\n`)
    return 2
  }
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    process.stderr.write(`content:version: expected --date as YYYY-MM-DD, received "${values.date}"\n${USAGE}\n`)
    return 2
  }
  const date = values.date ?? new Date().toISOString().slice(0, 10)
  const root = path.resolve(values.root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'))
  const files = {
    pkg: path.join(root, 'package.json'),
    lock: path.join(root, 'package-lock.json'),
    manifest: path.join(root, 'content', MANIFEST_FILE),
    changelog: path.join(root, 'CHANGELOG.md'),
  }

  const pkg = JSON.parse(await readFile(files.pkg, 'utf8')) as {version: string}
  const result = await buildGuide({contentDir: path.join(root, 'content'), version: pkg.version, cwd: process.cwd()})
  if (result.guide === undefined) {
    process.stderr.write(formatDiagnostics(result.files, {tips: true}))
    process.stderr.write('content:version: fix the content first; nothing was written.\n')
    return 1
  }
  const current = snapshot(result.guide)
  const manifest: Manifest = result.manifest ?? {releases: []}
  const last = manifest.releases.at(-1)

  if (last === undefined) {
    await writeJson(files.manifest, {releases: [{version: pkg.version, ...current}]})
    process.stdout.write(`content:version: recorded the first release, ${pkg.version}\n`)
    return 0
  }
  const reused = reusedIds(manifest, current)
  if (reused.length > 0) {
    for (const {id, retiredIn} of reused) process.stderr.write(`content:version: id \`${id}\` was retired in ${retiredIn} and may never be reused; choose a new id\n`)
    return 1
  }
  const changes = diffReleases(last, current)
  const needed = requiredBump(changes)
  if (forced !== undefined && BUMPS.indexOf(forced as Bump) < BUMPS.indexOf(needed)) {
    process.stderr.write(`content:version: --release ${forced} is smaller than these changes need (${needed}):\n`)
    for (const change of changes) process.stderr.write(`  ${change.bump.padEnd(5)} ${change.description}\n`)
    return 2
  }
  const bump: Bump = forced === undefined ? needed : (forced as Bump)
  if (bump === 'none') {
    process.stdout.write(`content:version: content unchanged since ${last.version}; nothing to record\n`)
    return 0
  }
  const version = bumpVersion(last.version, bump)
  const release: Release = {version, ...current}
  // Every new text is made before anything is written, so a problem (say, a
  // changelog without `## [Unreleased]`) leaves all the files as they were.
  let changelog: string
  try {
    changelog = addRelease(await readFile(files.changelog, 'utf8'), version, date, changes)
  } catch (error) {
    process.stderr.write(`content:version: ${(error as Error).message}; nothing was written\n`)
    return 1
  }
  const lock = JSON.parse(await readFile(files.lock, 'utf8').catch(() => 'null')) as {version?: string; packages?: Record<string, {version?: string}>} | null
  if (lock !== null) {
    lock.version = version
    const rootPackage = lock.packages?.['']
    if (rootPackage !== undefined) rootPackage.version = version
  }
  await writeJson(files.manifest, {releases: [...manifest.releases, release]})
  await writeJson(files.pkg, {...pkg, version})
  if (lock !== null) await writeJson(files.lock, lock)
  await writeFile(files.changelog, changelog)
  process.stdout.write(`content:version: ${last.version} → ${version} (${bump}${bump === needed ? '' : `, ${needed} required`})\n`)
  for (const change of changes) process.stdout.write(`  ${change.bump.padEnd(5)} ${change.description}\n`)
  process.stdout.write('Now run `npm run build` and `npm test`, and commit the result.\n')
  return 0
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`)
}

process.exitCode = await main()
