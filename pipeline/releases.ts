// From content/manifest.json to the runtime's `releases`: what changed in
// each published release, per step and item id, for apps that keep readers'
// progress across releases (src/releases.ts, src/progress.ts).
import type {Change, Release as RuntimeRelease} from '../src/releases.js'
import {GENERATED_BANNER} from './emit.js'
import type {Manifest, Release, ReleaseItem} from './manifest.js'

// The manifest's `date` and items' `replaces` are read as optional, so an
// older manifest (recorded before either existed) still builds.
type RecordedRelease = Omit<Release, 'items'> & {
  readonly date?: string
  readonly items: Readonly<Record<string, ReleaseItem & {readonly replaces?: readonly string[]}>>
}

// Ids such as `constructor` are valid: never read them from the prototype.
function own<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined
}

function sorted(...records: object[]): string[] {
  return [...new Set(records.flatMap((record) => Object.keys(record)))].sort()
}

/**
 * List what changed between two consecutive releases, per step and item id.
 * An item of `after` whose `replaces` names an item of `before` that `after`
 * no longer has is a rename (not an addition and a removal); a `replaces`
 * naming an id that was already gone in `before` is no rename, since that
 * id's readers lost it when it was retired. A rename that also moves the item
 * or changes its rounds is listed with those changes; its wording cannot be
 * compared (an item's hash covers its id).
 *
 * @param before The earlier release.
 * @param after The next one.
 * @returns The changes, steps before items, each in id order.
 * @example
 *   releaseChanges(manifest.releases[0], manifest.releases[1])
 *   // [{kind: 'renamed', target: 'item', id: 'new-id', from: 'old-id'}, …]
 */
export function releaseChanges(before: RecordedRelease, after: RecordedRelease): Change[] {
  const changes: Change[] = []
  for (const id of sorted(before.steps, after.steps)) {
    const old = own(before.steps, id)
    const next = own(after.steps, id)
    if (old === undefined) changes.push({kind: 'added', target: 'step', id})
    else if (next === undefined) changes.push({kind: 'removed', target: 'step', id})
    else {
      if (old.number !== next.number) changes.push({kind: 'moved', target: 'step', id, from: String(old.number)})
      if (old.hash !== next.hash) changes.push({kind: 'reworded', target: 'step', id})
    }
  }
  // Old id → the items of `after` that replace it.
  const renamedTo = new Map<string, string[]>()
  for (const [id, item] of Object.entries(after.items)) {
    for (const old of item.replaces ?? []) {
      if (own(before.items, old) !== undefined && own(after.items, old) === undefined) renamedTo.set(old, [...(renamedTo.get(old) ?? []), id])
    }
  }
  const renamedFrom = new Map([...renamedTo].flatMap(([old, ids]) => ids.map((id) => [id, old] as const)))
  for (const id of sorted(before.items, after.items)) {
    const next = own(after.items, id)
    const replaced = [...renamedTo].filter(([, ids]) => ids.includes(id)).map(([old]) => old)
    const old = own(before.items, id) ?? (renamedFrom.has(id) ? own(before.items, renamedFrom.get(id) as string) : undefined)
    if (next === undefined) {
      if (!renamedTo.has(id)) changes.push({kind: 'removed', target: 'item', id})
    } else if (old === undefined) changes.push({kind: 'added', target: 'item', id})
    else {
      for (const from of replaced) changes.push({kind: 'renamed', target: 'item', id, from})
      if (old.stepId !== next.stepId) changes.push({kind: 'moved', target: 'item', id, from: old.stepId})
      if (old.rounds !== next.rounds) changes.push({kind: 'rounds-changed', target: 'item', id})
      // A renamed item's hash differs by its id alone, so only same-id hashes compare.
      if (own(before.items, id) !== undefined && old.hash !== next.hash) changes.push({kind: 'reworded', target: 'item', id})
    }
  }
  return changes
}

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
  const recorded = (manifest?.releases ?? []) as readonly RecordedRelease[]
  return recorded.map((release, index) => {
    const before = recorded[index - 1]
    return {version: release.version, date: release.date ?? null, changes: before === undefined ? [] : releaseChanges(before, release)}
  })
}

/**
 * Write the release history as a TypeScript module for `src/`. One release a
 * line and one change a line keep it compact in the main bundle and readable
 * in a diff.
 *
 * @param releases What {@link releasesFromManifest} returned.
 * @returns The module's source, byte-identical for identical input.
 * @example
 *   await writeFile('src/generated/releases-data.ts', emitReleasesModule(releasesFromManifest(manifest)))
 */
export function emitReleasesModule(releases: readonly RuntimeRelease[]): string {
  const body = releases
    .map(({version, date, changes}) => {
      const lines = changes.map((change) => `      ${JSON.stringify(change)},\n`).join('')
      return `  {version: ${JSON.stringify(version)}, date: ${JSON.stringify(date)}, changes: [${lines === '' ? '' : `\n${lines}    `}]},\n`
    })
    .join('')
  return `${GENERATED_BANNER}
import type {Release} from '../releases.js'

/** Every published release, oldest first, from content/manifest.json (src/releases.ts freezes it). */
export const RELEASES_DATA: Release[] = [${body === '' ? '' : `\n${body}`}]
`
}
