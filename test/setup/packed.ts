// Vitest global setup: pack the built package and the check package
// (packages/check/) once and install the tarballs once, offline, for every
// test file that checks what a consumer gets (test/consumer.test.ts,
// test/pack.test.ts, test/check-api.test.ts): both, as an app that checks its
// content has them, and the package alone, as an app that only shows the guide.
//
// `npm test` builds dist/ first, so the tarball is packed with --ignore-scripts
// (no second build through `prepack`).
import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {TestProject} from 'vitest/node'

/** The packed tarballs and their offline installs, shared by the test files. */
export interface PackedPackage {
  /** Folder holding the tarballs and the installs. */
  readonly scratch: string
  /** Path of the package's `.tgz`. */
  readonly tarball: string
  /** Files in the package's tarball, with their modes, as `npm pack --json` lists them. */
  readonly files: ReadonlyArray<{readonly path: string; readonly mode: number}>
  /** Path of the check package's `.tgz`. */
  readonly checkTarball: string
  /** Files in the check package's tarball. */
  readonly checkFiles: ReadonlyArray<{readonly path: string; readonly mode: number}>
  /** A project with both tarballs installed; its `node_modules` is what an app that checks its content gets. */
  readonly install: string
  /** A project with the package's tarball alone installed: an app that only shows the guide. */
  readonly installRoot: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    packed: PackedPackage
  }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function npm(args: readonly string[], cwd: string): string {
  try {
    return execFileSync('npm', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
  } catch (error) {
    // Name the command and npm's own words: vitest would otherwise print only
    // "No test files found" when a global setup fails.
    const stderr = String((error as {stderr?: unknown}).stderr ?? '').trim()
    throw new Error(`test setup: \`npm ${args.join(' ')}\` failed in ${cwd}:\n${stderr || String(error)}`)
  }
}

/**
 * The package's runtime dependencies and theirs, as folders in the
 * project's own node_modules (what `npm ci` installed from the lockfile).
 */
async function dependencyClosure(manifest: {dependencies?: Record<string, string>}): Promise<string[]> {
  const found = new Map<string, string>()
  const queue = Object.keys(manifest.dependencies ?? {})
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (found.has(name)) continue
    const folder = path.join(ROOT, 'node_modules', name)
    const own = JSON.parse(await readFile(path.join(folder, 'package.json'), 'utf8')) as {dependencies?: Record<string, string>}
    found.set(name, folder)
    queue.push(...Object.keys(own.dependencies ?? {}))
  }
  return [...found.values()].sort()
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(path.join(ROOT, 'dist/index.js'))) {
    throw new Error('test setup: expected a built dist/, found none; run `npm run build` (or `npm test`, which builds first)')
  }
  const scratch = await mkdtemp(path.join(tmpdir(), 'ace-packed-'))
  const cleanup = async (): Promise<void> => {
    await rm(scratch, {recursive: true, force: true})
  }
  try {
    const [packed, checkPacked] = ['.', 'packages/check'].map((folder) => {
      const [result] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], path.join(ROOT, folder))) as Array<{filename: string; files: PackedPackage['files']}>
      if (result === undefined) throw new Error(`test setup: npm pack printed no result in ${folder}`)
      return result
    }) as [{filename: string; files: PackedPackage['files']}, {filename: string; files: PackedPackage['files']}]
    const tarball = path.join(scratch, packed.filename)
    const checkTarball = path.join(scratch, checkPacked.filename)
    // The dependencies are packed from the lockfile's install, so the install
    // below needs no registry metadata: `npm ci` caches tarballs but not the
    // metadata an `npm install <tgz>` would look up, and a new machine's
    // cache is empty.
    const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {dependencies?: Record<string, string>}
    const dependencies = await Promise.all(
      (await dependencyClosure(manifest)).map(async (folder) => {
        const [dependency] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', scratch, folder], ROOT)) as Array<{filename: string}>
        if (dependency === undefined) throw new Error(`test setup: npm pack ${folder} printed no result`)
        return path.join(scratch, dependency.filename)
      }),
    )
    const install = path.join(scratch, 'install')
    const installRoot = path.join(scratch, 'install-root')
    for (const [folder, tarballs] of [[install, [tarball, checkTarball]], [installRoot, [tarball]]] as const) {
      await mkdir(folder)
      await writeFile(path.join(folder, 'package.json'), '{"name": "consumer", "private": true}\n')
      // --offline: nothing is fetched, so a dependency the package should not
      // have (one not in its own dependency list) fails the install.
      npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', ...tarballs, ...dependencies], folder)
    }
    project.provide('packed', {scratch, tarball, files: packed.files, checkTarball, checkFiles: checkPacked.files, install, installRoot})
  } catch (error) {
    await cleanup()
    throw error
  }
  return cleanup
}
