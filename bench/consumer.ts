// A throwaway project that depends on the package the way an app does (by
// name, through node_modules), for the start-up figures.
import {mkdir, mkdtemp, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'

/** The project root (this file is in bench/). */
export const ROOT = path.resolve(import.meta.dirname, '..')

/** Package name, as consumers import it. */
export const NAME = 'ace-second-interview'

/**
 * Make a temporary project whose node_modules links to this package.
 *
 * @returns The project's folder.
 */
export async function makeConsumer(): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), 'ace-bench-'))
  await mkdir(path.join(directory, 'node_modules'))
  await symlink(ROOT, path.join(directory, 'node_modules', NAME), 'dir')
  await writeFile(path.join(directory, 'package.json'), '{"private": true}\n')
  return directory
}
