import {readFile} from 'node:fs/promises'
import {VFile} from 'vfile'

/** What the manifest records of a published step. */
export interface ManifestStep {
  readonly number: number
  readonly hash: string
  readonly since: string
}

/** What the manifest records of a published checklist item. */
export interface ManifestItem {
  readonly stepId: string
  readonly hash: string
  readonly since: string
}

/**
 * The committed record of what has been published: the content version, each
 * live id's hash and first version, and every id retired (never to be reused).
 */
export interface Manifest {
  readonly version: string
  readonly steps: Readonly<Record<string, ManifestStep>>
  readonly items: Readonly<Record<string, ManifestItem>>
  /** Retired id → the version that removed it. */
  readonly retired: Readonly<Record<string, string>>
}

/** Where the manifest lives, relative to the content folder. */
export const MANIFEST_FILE = 'manifest.json'

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Read and check the manifest.
 *
 * @param path Path of `content/manifest.json`.
 * @returns The manifest, `undefined` when the file does not exist, or a file
 *   with a fatal message when it is malformed.
 */
export async function readManifest(path: string): Promise<Manifest | undefined | VFile> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  const problem = (reason: string): VFile => {
    const file = new VFile({path, value: text})
    const message = file.message(reason, {place: {line: 1, column: 1}, ruleId: 'manifest', source: 'ace-second-interview'})
    message.fatal = true
    return file
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return problem(`Expected the manifest to be JSON, found a syntax error: ${(error as Error).message}`)
  }
  if (!isRecord(value) || typeof value['version'] !== 'string' || !SEMVER.test(value['version'])) {
    return problem('Expected the manifest to be an object with a semver `version`; regenerate it with `npm run content:version`')
  }
  for (const key of ['steps', 'items', 'retired'] as const) {
    if (!isRecord(value[key])) return problem(`Expected the manifest's \`${key}\` to be an object; regenerate it with \`npm run content:version\``)
  }
  return value as unknown as Manifest
}

/**
 * The version that first published an id, according to a manifest.
 *
 * @param manifest The manifest, if there is one.
 * @returns A lookup for `compileGuide`'s `since`.
 */
export function sinceFrom(manifest: Manifest | undefined): (id: string) => string | undefined {
  return (id) => {
    if (manifest === undefined) return undefined
    if (Object.hasOwn(manifest.steps, id)) return manifest.steps[id]?.since
    if (Object.hasOwn(manifest.items, id)) return manifest.items[id]?.since
    return undefined
  }
}
