// What the release history (content/manifest.json) says about ids: which were
// published, which are retired, which were renamed. Shared by the lint rule
// `id-history` and by `npm run content:version`, so both judge the same way.
import {PATTERNS} from '../../src/schema.js'
import type {ChangeTarget} from '../../src/types.js'
import type {Manifest, ManifestRelease} from './manifest.js'

/** What the history records about one id. */
export interface IdRecord {
  readonly target: ChangeTarget
  /** The version that first published it. */
  readonly since: string
  /** The version whose release no longer had it; absent while it is live. */
  readonly retiredIn?: string
  /** The item that replaced it in that release, when it was renamed. */
  readonly renamedTo?: string
}

/** Every id a manifest ever published, and its fate. */
export interface IdHistory {
  /** Every published id. */
  readonly ids: ReadonlyMap<string, IdRecord>
  /** The last recorded release, if any. */
  readonly last: ManifestRelease | undefined
  /** Renames recorded in any release: new item id → the ids it replaced. */
  readonly renames: ReadonlyMap<string, ReadonlySet<string>>
}

/**
 * Read the id history out of a manifest.
 *
 * @param manifest The release history; `undefined` when there is none.
 * @param visit Called with the history of the releases before each release,
 *   and that release, as the history is read (one pass, however many releases).
 * @returns Every published id with its first version and, once gone, the
 *   version that retired it (and the item that replaced it, for a rename).
 * @example
 *   readIdHistory(undefined).ids.size // 0
 */
export function readIdHistory(manifest: Manifest | undefined, visit?: (before: IdHistory, release: ManifestRelease) => void): IdHistory {
  const ids = new Map<string, IdRecord>()
  const renames = new Map<string, Set<string>>()
  let previous: ReadonlySet<string> = new Set()
  let last: ManifestRelease | undefined
  for (const release of manifest?.releases ?? []) {
    visit?.({ids, last, renames}, release)
    const present = new Set([...Object.keys(release.steps), ...Object.keys(release.items)])
    const renamedTo = new Map<string, string>()
    for (const [id, item] of Object.entries(release.items)) {
      for (const old of item.replaces ?? []) {
        renamedTo.set(old, id)
        renames.set(id, (renames.get(id) ?? new Set()).add(old))
      }
    }
    for (const id of previous) {
      const record = ids.get(id)
      if (record === undefined || present.has(id) || record.retiredIn !== undefined) continue
      const to = renamedTo.get(id)
      ids.set(id, {...record, retiredIn: release.version, ...(to === undefined ? {} : {renamedTo: to})})
    }
    for (const id of Object.keys(release.steps)) if (!ids.has(id)) ids.set(id, {target: 'step', since: release.version})
    for (const id of Object.keys(release.items)) if (!ids.has(id)) ids.set(id, {target: 'item', since: release.version})
    previous = present
    last = release
  }
  return {ids, last, renames}
}

const ID = new RegExp(PATTERNS.id)

/**
 * Parse the value of an item's `replaces=` attribute: one or more kebab-case
 * ids separated by commas, each once (`old-a,old-b`).
 *
 * @param value The attribute's value as written.
 * @returns The ids, or `undefined` when the value is malformed.
 * @example
 *   parseReplaces('old-a,old-b') // ['old-a', 'old-b']
 *   parseReplaces('old-a,,b') // undefined
 */
export function parseReplaces(value: string): string[] | undefined {
  const ids = value.split(',')
  return ids.every((id) => ID.test(id)) && new Set(ids).size === ids.length ? ids : undefined
}

/** One id as the current content uses it. */
export interface IdUse {
  readonly id: string
  readonly target: ChangeTarget
  /** For an item, the ids its `replaces=` names (empty when none). */
  readonly replaces: readonly string[]
}

/** A way the current content contradicts the release history. */
export type HistoryProblem =
  | {readonly kind: 'retired'; readonly id: string; readonly retiredIn: string; readonly renamedTo?: string}
  | {readonly kind: 'replaces-self'; readonly id: string}
  | {readonly kind: 'replaces-unpublished'; readonly id: string; readonly replaced: string}
  | {readonly kind: 'replaces-step'; readonly id: string; readonly replaced: string}
  | {readonly kind: 'replaces-live'; readonly id: string; readonly replaced: string; readonly liveAs: ChangeTarget}
  | {readonly kind: 'replaces-retired'; readonly id: string; readonly replaced: string; readonly retiredIn: string}
  | {readonly kind: 'replaces-twice'; readonly id: string; readonly replaced: string; readonly by: string}

/**
 * Check the ids the content uses against the release history: no retired id
 * comes back, and each `replaces=` names an item id of the last release that
 * the content no longer uses (or one this item already replaced in an earlier
 * release), claimed by one item only.
 *
 * @param history What {@link readIdHistory} read from the manifest.
 * @param uses Every step and item id in the content, in document order.
 * @returns Each problem with the index of the use it belongs to.
 * @example
 *   historyProblems(readIdHistory(undefined), [{id: 'a', target: 'item', replaces: []}]) // []
 */
export function historyProblems(history: IdHistory, uses: readonly IdUse[]): Array<{readonly use: number; readonly problem: HistoryProblem}> {
  const found: Array<{use: number; problem: HistoryProblem}> = []
  const live = new Map(uses.map((use) => [use.id, use.target] as const))
  const claimed = new Map<string, string>()
  const lastIds = history.last === undefined ? new Set<string>() : new Set(Object.keys(history.last.items))
  const replacesProblem = (id: string, replaced: string): HistoryProblem | undefined => {
    if (replaced === id) return {kind: 'replaces-self', id}
    const record = history.ids.get(replaced)
    if (record === undefined) return {kind: 'replaces-unpublished', id, replaced}
    if (record.target === 'step') return {kind: 'replaces-step', id, replaced}
    const liveAs = live.get(replaced)
    if (liveAs !== undefined) return {kind: 'replaces-live', id, replaced, liveAs}
    const by = claimed.get(replaced)
    if (by !== undefined) return {kind: 'replaces-twice', id, replaced, by}
    // A rename recorded in an earlier release may stay declared; any other
    // retired id is gone for good (its readers' ticks were already dropped).
    if (!lastIds.has(replaced) && !(history.renames.get(id)?.has(replaced) ?? false)) {
      return {kind: 'replaces-retired', id, replaced, retiredIn: record.retiredIn ?? '?'}
    }
    return undefined
  }
  uses.forEach((use, index) => {
    const record = history.ids.get(use.id)
    if (record?.retiredIn !== undefined) {
      found.push({use: index, problem: {kind: 'retired', id: use.id, retiredIn: record.retiredIn, ...(record.renamedTo === undefined ? {} : {renamedTo: record.renamedTo})}})
    }
    for (const replaced of use.replaces) {
      const problem = replacesProblem(use.id, replaced)
      if (problem !== undefined) found.push({use: index, problem})
      else claimed.set(replaced, use.id)
    }
  })
  return found
}

/**
 * One sentence for a history problem, in the lint's "Expected …, found …" form.
 *
 * @param problem What {@link historyProblems} found.
 * @returns The message.
 */
export function describeHistoryProblem(problem: HistoryProblem): string {
  switch (problem.kind) {
    case 'retired':
      return `Expected an id that was never retired, found \`${problem.id}\`, retired in ${problem.retiredIn}${problem.renamedTo === undefined ? '' : ` (renamed to \`${problem.renamedTo}\`)`}; a retired id is never used again`
    case 'replaces-self':
      return `Expected \`replaces\` to name the item's old id, found its own id \`${problem.id}\``
    case 'replaces-unpublished':
      return `Expected \`replaces\` to name an item id that a release published, found \`${problem.replaced}\`, which no release in manifest.json has`
    case 'replaces-step':
      return `Expected \`replaces\` to name a checklist item id, found \`${problem.replaced}\`, a step id`
    case 'replaces-live':
      return `Expected \`replaces\` to name an id the content no longer uses, found \`${problem.replaced}\`, still ${problem.liveAs === 'step' ? 'a step' : 'an item'} id in the content`
    case 'replaces-retired':
      return `Expected \`replaces\` to name an item id of the last release, found \`${problem.replaced}\`, retired in ${problem.retiredIn}`
    case 'replaces-twice':
      return `Expected each old id to be replaced by one item only, found \`${problem.replaced}\` also replaced by \`${problem.by}\``
  }
}
