// From content/manifest.json to the runtime's `releases`: what changed in
// each published release, per step and item id, for apps that keep readers'
// progress across releases (src/history.ts, src/progress.ts).
import type {Change, Release as RuntimeRelease} from '../../src/types.js'
import {GENERATED_BANNER, jsonParse} from '../compile/emit.js'
import type {Manifest} from './manifest.js'
import {diffReleases} from './versioning.js'

/**
 * The runtime's release history: each release of the manifest with its date
 * and what changed since the one before (nothing for the first).
 *
 * @param manifest The manifest; `undefined` when the content has none.
 * @returns The releases, oldest first.
 * @example
 *   releasesFromManifest({releases: [first]}) // [{version: '1.0.0', date: '2026-11-25', changes: []}]
 */
export function releasesFromManifest(manifest: Manifest | undefined): RuntimeRelease[] {
  const recorded = manifest?.releases ?? []
  return recorded.map((release, index) => {
    const before = recorded[index - 1]
    // The versioning policy's own diff, so the changelog, the bump and the
    // runtime never disagree, per step and item id: guide-wide and
    // translation changes carry no step or item of their own to track.
    const changes = (before === undefined ? [] : diffReleases(before, release)).flatMap((change): Change[] =>
      change.target === 'guide' || change.target === 'locale'
        ? []
        : [{kind: change.kind, target: change.target, id: change.id, ...(change.from === undefined ? {} : {from: change.from})}],
    )
    return {version: release.version, date: release.date, changes}
  })
}

/**
 * Write the release history as a TypeScript module for `src/`, as the guide
 * data is written: one `JSON.parse` of compact JSON.
 *
 * @param releases What {@link releasesFromManifest} returned.
 * @returns The module's source, byte-identical for identical input.
 * @example
 *   await writeFile('src/generated/releases-data.ts', emitReleasesModule(releasesFromManifest(manifest)))
 */
export function emitReleasesModule(releases: readonly RuntimeRelease[]): string {
  return `${GENERATED_BANNER}
import type {Release} from '../types.js'

/** Every published release, oldest first, from content/manifest.json (src/history.ts freezes it). */
export const RELEASES_DATA: Release[] = ${jsonParse(releases)}
`
}
