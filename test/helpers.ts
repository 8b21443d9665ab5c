import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The project's root folder. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Node's `require`, for loading the CJS build. */
export const require = createRequire(import.meta.url)

/** Capture what a call throws (fails the test when it does not throw). */
export function thrown(call: () => unknown): unknown {
  try {
    call()
  } catch (error) {
    return error
  }
  throw new Error('expected the call to throw, it returned')
}

/**
 * A fresh consumer project that sees the packed package exactly as installed
 * (its `node_modules` links to the shared offline install made once by
 * test/setup/packed.ts).
 *
 * @param packed What the global setup provided (`inject('packed')`).
 * @param name A folder name, unique to the calling test file.
 * @param manifest The project's package.json.
 * @returns The project's folder.
 */
export async function consumerProject(
  packed: {readonly scratch: string; readonly install: string},
  name: string,
  manifest: Record<string, unknown> = {name: 'consumer', private: true},
): Promise<string> {
  const {mkdir, symlink, writeFile} = await import('node:fs/promises')
  const project = path.join(packed.scratch, name)
  await mkdir(project)
  await writeFile(path.join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  await symlink(path.join(packed.install, 'node_modules'), path.join(project, 'node_modules'), 'dir')
  return project
}
