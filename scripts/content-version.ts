// npm run content:version [-- --release patch|minor|major] [--date YYYY-MM-DD]
// [--dry-run] [--amend] [--root <dir>]: record a content release (tests call
// contentVersion in-process). Compare content/ with the last release in
// content/manifest.json, work out the semver bump the change needs, then
// record the release in package.json (and the check package's,
// packages/check/package.json: the same version), package-lock.json,
// CHANGELOG.md and the manifest. All or nothing, even across a kill: every text is made before any
// is written, then they are committed through a journal (pipeline/atomic.ts)
// that the next run completes. See content/README.md#versioning-policy.
//
// --dry-run prints what would be recorded and writes nothing; --amend folds
// the changes into the last recorded release (one not yet published) instead
// of stacking another.
import {existsSync, realpathSync} from 'node:fs'
import {readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {commitFiles, type PlannedWrite, recoverCommit, takeLock} from '../pipeline/atomic.js'
import {addRelease, amendRelease, releaseEntry} from '../pipeline/release/changelog.js'
import {MANIFEST_FILE, type Manifest, type ManifestRelease, readManifest} from '../pipeline/release/manifest.js'
import {escapeControl} from '../pipeline/terminal.js'
import type {Bump} from '../pipeline/release/versioning.js'
import type {Io} from '../cli/command.js'

const USAGE = 'usage: npm run content:version -- [--release patch|minor|major] [--date YYYY-MM-DD] [--dry-run] [--amend] [--root <dir>]'

// Where it writes, and the repository root when `--root` is not given.
type ScriptIo = Pick<Io, 'stdout' | 'stderr'> & {readonly root: string}

/** Beside package.json while a release is being written; see pipeline/atomic.ts. */
const JOURNAL = '.content-version.journal'
/** Beside package.json while a run is at work, holding its process id: one run at a time. */
const LOCK = '.content-version.lock'

/**
 * Run `content:version` with command-line arguments.
 *
 * @param args The arguments after the script name.
 * @param io Output streams and the default root.
 * @returns The exit code: 0 done (or nothing to do), 1 refused, 2 bad arguments.
 */
export async function contentVersion(args: readonly string[], io: ScriptIo): Promise<number> {
  let values
  try {
    ;({values} = parseArgs({
      args: [...args],
      options: {release: {type: 'string'}, date: {type: 'string'}, root: {type: 'string'}, 'dry-run': {type: 'boolean'}, amend: {type: 'boolean'}},
    }))
  } catch (error) {
    io.stderr.write(`content:version: ${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  const forced = values.release
  if (forced !== undefined && !['patch', 'minor', 'major'].includes(forced)) {
    io.stderr.write(`content:version: expected --release to be patch, minor or major, received "${forced}"\n${USAGE}\n`)
    return 2
  }
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    io.stderr.write(`content:version: expected --date as YYYY-MM-DD, received "${values.date}"\n${USAGE}\n`)
    return 2
  }
  const root = path.resolve(values.root ?? io.root)
  const lock = path.join(root, LOCK)
  const holder = await takeLock(lock)
  if (holder !== undefined) {
    io.stderr.write(`content:version: another content:version (process ${holder}) is running in ${escapeControl(root)}; wait for it to finish. Nothing was written.\n`)
    return 1
  }
  try {
    return await record(io, root, values)
  } finally {
    await rm(lock, {force: true})
  }
}

/** The check package's name (packages/check/). */
const CHECK_PACKAGE = 'ace-second-interview-check'

/** What a release changes in a package.json, or in a package's record in package-lock.json. */
interface PackageVersions {
  version?: string
  peerDependencies?: Record<string, string>
}

// The run itself, under the lock, with the arguments contentVersion checked.
async function record(io: ScriptIo, root: string, values: {release?: string; date?: string; 'dry-run'?: boolean; amend?: boolean}): Promise<number> {
  const forced = values.release
  const dryRun = values['dry-run'] === true
  const amend = values.amend === true
  const date = values.date ?? new Date().toISOString().slice(0, 10)
  const contentDir = path.join(root, 'content')
  const files = {
    pkg: path.join(root, 'package.json'),
    checkPkg: path.join(root, 'packages', 'check', 'package.json'),
    lock: path.join(root, 'package-lock.json'),
    changelog: path.join(root, 'CHANGELOG.md'),
    manifest: path.join(contentDir, MANIFEST_FILE),
  }
  const journal = path.join(root, JOURNAL)
  // Loaded only now: a refused run (bad arguments, another run at work) answers at once.
  const [{buildGuide, buildRules, formatDiagnostics}, {BUMPS, bumpVersion, checkHistory, diffReleases, likelyRenames, requiredBump, snapshot}] = await Promise.all([
    import('../pipeline/index.js'),
    import('../pipeline/release/versioning.js'),
  ])
  // First finish (or undo) a run that was killed half-way: the files must be
  // one release or the other before anything reads them.
  if (dryRun) {
    if (existsSync(journal)) {
      io.stderr.write(`content:version: an interrupted run left ${JOURNAL}; run \`npm run content:version\` without --dry-run to complete it\n`)
      return 1
    }
  } else {
    const completed = await recoverCommit(journal, Object.values(files)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ERR_INVALID_JOURNAL') throw error
      io.stderr.write(`content:version: ${escapeControl(error.message)}\n`)
    })
    if (completed === undefined) return 1
    if (completed.length > 0) {
      io.stdout.write(`content:version: completed the release an interrupted run had started (${completed.map((file) => path.relative(root, file)).join(', ')})\n`)
    }
  }

  const pkg = JSON.parse(await readFile(files.pkg, 'utf8')) as PackageVersions & {version: string}
  const recorded = await readManifest(files.manifest)
  const releases = recorded !== undefined && 'releases' in recorded ? recorded.releases : []
  const amended = amend ? releases.at(-1) : undefined
  if (amend && (amended === undefined || releases.length < 2)) {
    io.stderr.write(
      `content:version: --amend folds changes into the last release and recomputes its bump against the one before it; ${
        amended === undefined ? 'there is no recorded release' : `${amended.version} is the first release, with none before it`
      }. Run without --amend to record a new release.\n`,
    )
    return 2
  }
  // Amending judges the content against the history without the release it replaces.
  const history: Manifest | undefined = amend ? {releases: releases.slice(0, -1)} : undefined
  const result = await buildGuide({contentDir, version: pkg.version, cwd: process.cwd(), rules: buildRules, ...(history === undefined ? {} : {history})})
  if (result.guide === undefined) {
    io.stderr.write(formatDiagnostics(result.files, {tips: true}))
    io.stderr.write('content:version: fix the content first; nothing was written.\n')
    return 1
  }
  const current = snapshot(result.guide, result.replaces, result.locales)
  const manifest: Manifest = result.manifest ?? {releases: []}
  const base = amend ? manifest.releases.at(-2) : manifest.releases.at(-1)

  if (base === undefined) {
    const first: ManifestRelease = {version: pkg.version, date, ...current}
    if (dryRun) {
      io.stdout.write(`content:version: would record the first release, ${pkg.version} (dry run: nothing written)\n`)
      return 0
    }
    await commitFiles(journal, [json(files.manifest, {releases: [first]})])
    io.stdout.write(`content:version: recorded the first release, ${pkg.version}\n`)
    return 0
  }
  const changes = diffReleases(base, current)
  const needed = requiredBump(changes)
  if (forced !== undefined && BUMPS.indexOf(forced as Bump) < BUMPS.indexOf(needed)) {
    io.stderr.write(`content:version: --release ${forced} is smaller than these changes need (${needed}):\n`)
    for (const change of changes) io.stderr.write(`  ${change.bump.padEnd(5)} ${change.description}\n`)
    return 2
  }
  const bump: Bump = forced === undefined ? needed : (forced as Bump)
  if (bump === 'none') {
    if (amended !== undefined) {
      io.stderr.write(
        `content:version: with these changes folded in, ${amended.version} would record nothing since ${base.version}; ` +
          'add `--release patch` to keep it as a release without content changes, or restore the files from before it was recorded. Nothing was written.\n',
      )
      return 1
    }
    io.stdout.write(`content:version: content unchanged since ${base.version}; nothing to record\n`)
    return 0
  }
  for (const {target, from, to} of likelyRenames(base, current)) {
    io.stderr.write(
      target === 'item'
        ? `content:version: note: item \`${from}\` was removed and \`${to}\` added with the same text; if it is a rename, write \`{#${to} … replaces=${from}}\` so readers' progress carries over (a minor change instead of a major one)${dryRun ? '' : ', then run `npm run content:version -- --amend`'}\n`
        : `content:version: note: step \`${from}\` was removed and \`${to}\` added with the same words; step ids cannot be renamed, so keep \`${from}\` if it is the same step\n`,
    )
  }
  const version = bumpVersion(base.version, bump)
  const release: ManifestRelease = {version, date, ...current}
  const next: Manifest = {releases: [...manifest.releases.slice(0, amend ? -1 : undefined), release]}
  // A guard against inputs the diff cannot see (say, a --date before the last release's).
  const known = new Set(checkHistory(manifest))
  const problems = checkHistory(next).filter((problem) => !known.has(problem))
  if (problems.length > 0) {
    for (const problem of problems) io.stderr.write(`content:version: ${problem}\n`)
    io.stderr.write('content:version: nothing was written.\n')
    return 1
  }

  // Every new text is made before anything is written, so a problem (say, a
  // changelog without `## [Unreleased]`) leaves all the files as they were.
  let changelog: string
  try {
    const old = await readFile(files.changelog, 'utf8')
    changelog = amended === undefined ? addRelease(old, version, date, changes) : amendRelease(old, amended.version, version, date, changes)
  } catch (error) {
    io.stderr.write(`content:version: ${(error as Error).message}; nothing was written\n`)
    return 1
  }
  const lock = JSON.parse(await readFile(files.lock, 'utf8').catch(() => 'null')) as {version?: string; packages?: Record<string, PackageVersions>} | null
  if (lock !== null) lock.version = version
  // The check package is released with the package, and the package's
  // optional peer on it asks for that version or a later one of the same major.
  const checkPkg = JSON.parse(await readFile(files.checkPkg, 'utf8').catch(() => 'null')) as PackageVersions | null
  for (const manifest of [pkg, checkPkg, lock?.packages?.[''], lock?.packages?.['packages/check']]) {
    if (manifest === null || manifest === undefined) continue
    manifest.version = version
    if (manifest.peerDependencies?.[CHECK_PACKAGE] !== undefined) manifest.peerDependencies[CHECK_PACKAGE] = `^${version}`
  }

  const from = amended === undefined ? `${base.version} → ${version}` : `${base.version} → ${version} (amending ${amended.version})`
  const summary = `${from} (${bump}${bump === needed ? '' : `, ${needed} required`})`
  if (dryRun) {
    io.stdout.write(`content:version: ${summary}; dry run, nothing written\n`)
    for (const change of changes) io.stdout.write(`  ${change.bump.padEnd(5)} ${change.description}\n`)
    io.stdout.write(`\nCHANGELOG.md would get:\n\n${releaseEntry(changelog, version) ?? ''}\n`)
    return 0
  }
  // The manifest last: it is what every check reads as the release history.
  const writes: PlannedWrite[] = [
    json(files.pkg, pkg),
    ...(checkPkg === null ? [] : [json(files.checkPkg, checkPkg)]),
    ...(lock === null ? [] : [json(files.lock, lock)]),
    {path: files.changelog, text: changelog},
    json(files.manifest, next),
  ]
  await commitFiles(journal, writes)
  io.stdout.write(`content:version: ${summary}\n`)
  for (const change of changes) io.stdout.write(`  ${change.bump.padEnd(5)} ${change.description}\n`)
  io.stdout.write('Now run `npm run build` and `npm test`, and commit the result.\n')
  return 0
}

function json(file: string, value: unknown): PlannedWrite {
  return {path: file, text: `${JSON.stringify(value, null, 2)}\n`}
}

// Run as a script (tests import contentVersion and run it in process).
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  process.exitCode = await contentVersion(process.argv.slice(2), {stdout: process.stdout, stderr: process.stderr, root})
}
