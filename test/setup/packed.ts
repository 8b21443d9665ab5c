// Vitest global setup: pack the built package once and install the tarball
// once, offline, for every test file that checks what a consumer gets
// (test/consumer.test.ts, test/pack.test.ts, test/cli.test.ts).
//
// `npm test` builds dist/ first, so the tarball is packed with --ignore-scripts
// (no second build through `prepack`).
import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {TestProject} from 'vitest/node'

/** The packed tarball and its offline install, shared by the test files. */
export interface PackedPackage {
  /** Folder holding the tarball and the install. */
  readonly scratch: string
  /** Path of the `.tgz`. */
  readonly tarball: string
  /** Files in the tarball, with their modes, as `npm pack --json` lists them. */
  readonly files: ReadonlyArray<{readonly path: string; readonly mode: number}>
  /** A project with only the tarball installed; its `node_modules` is what a consumer gets. */
  readonly install: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    packed: PackedPackage
  }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function npm(args: readonly string[], cwd: string): string {
  return execFileSync('npm', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(path.join(ROOT, 'dist/index.js'))) {
    throw new Error('test setup: expected a built dist/, found none; run `npm run build` (or `npm test`, which builds first)')
  }
  const scratch = await mkdtemp(path.join(tmpdir(), 'ace-packed-'))
  const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], ROOT)) as Array<{filename: string; files: PackedPackage['files']}>
  if (packed === undefined) throw new Error('test setup: npm pack printed no result')
  const install = path.join(scratch, 'install')
  await mkdir(install)
  await writeFile(path.join(install, 'package.json'), '{"name": "consumer", "private": true}\n')
  const tarball = path.join(scratch, packed.filename)
  // --offline: only the tarball and npm's cache are there, so a dependency the
  // package should not have fails the install or shows up in node_modules.
  npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], install)
  project.provide('packed', {scratch, tarball, files: packed.files, install})
  return async () => {
    await rm(scratch, {recursive: true, force: true})
  }
}
