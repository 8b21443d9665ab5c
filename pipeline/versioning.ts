import {PATTERNS} from '../src/schema.js'
import type {Guide} from '../src/types.js'
import {contentHash} from './compile.js'
import type {Manifest, Release} from './manifest.js'
import {formatRounds, parseRounds, roundsWithin} from './rounds.js'

/** How much a version must grow, from least to most. */
export const BUMPS = ['none', 'patch', 'minor', 'major'] as const

/** A semver bump, or none. */
export type Bump = (typeof BUMPS)[number]

/** One difference between two releases of the content, and the bump it needs. */
export interface Change {
  readonly bump: Exclude<Bump, 'none'>
  /** Keep a Changelog section it belongs in. */
  readonly section: 'Added' | 'Changed' | 'Removed'
  /** A sentence naming the step or item by id. */
  readonly description: string
}

/**
 * Record the compiled content as a release (without its version).
 *
 * @param guide The compiled guide.
 */
export function snapshot(guide: Guide): Omit<Release, 'version'> {
  const steps: Record<string, Release['steps'][string]> = {}
  const items: Record<string, Release['items'][string]> = {}
  for (const step of guide.steps) {
    steps[step.id] = {number: step.number, hash: contentHash({title: step.title, summary: step.summary, body: step.body})}
    for (const item of step.checklist) items[item.id] = {stepId: item.stepId, rounds: formatRounds(item.rounds), hash: item.hash}
  }
  return {rounds: formatRounds(guide.rounds), introduction: contentHash({title: guide.title, body: guide.introduction.body}), steps, items}
}

function roundsChange(before: string, after: string): Exclude<Bump, 'none'> | undefined {
  if (before === after) return undefined
  const old = parseRounds(before)
  const next = parseRounds(after)
  // Widening only adds where the content shows up; anything else takes some away.
  return old !== undefined && next !== undefined && roundsWithin(old, next) ? 'minor' : 'major'
}

/**
 * List what changed between two releases of the content. Removing or
 * renumbering a step, removing or moving an item, or narrowing rounds is
 * major; adding a step or item, or widening rounds, is minor; wording is patch.
 *
 * @param before The earlier release.
 * @param after The later one.
 * @returns The changes, steps before items, each in id order.
 */
export function diffReleases(before: Omit<Release, 'version'>, after: Omit<Release, 'version'>): Change[] {
  const changes: Change[] = []
  const guideRounds = roundsChange(before.rounds, after.rounds)
  if (guideRounds !== undefined) changes.push({bump: guideRounds, section: 'Changed', description: `The guide's rounds changed from \`${before.rounds}\` to \`${after.rounds}\`.`})
  if (before.introduction !== after.introduction) changes.push({bump: 'patch', section: 'Changed', description: 'The title or introduction was reworded.'})

  for (const id of union(before.steps, after.steps)) {
    const old = own(before.steps, id)
    const next = own(after.steps, id)
    if (old === undefined && next !== undefined) changes.push({bump: 'minor', section: 'Added', description: `Step \`${id}\` (number ${next.number}).`})
    else if (old !== undefined && next === undefined) changes.push({bump: 'major', section: 'Removed', description: `Step \`${id}\` (its id is retired).`})
    else if (old !== undefined && next !== undefined) {
      if (old.number !== next.number) changes.push({bump: 'major', section: 'Changed', description: `Step \`${id}\` renumbered from ${old.number} to ${next.number}.`})
      if (old.hash !== next.hash) changes.push({bump: 'patch', section: 'Changed', description: `Step \`${id}\` reworded.`})
    }
  }
  for (const id of union(before.items, after.items)) {
    const old = own(before.items, id)
    const next = own(after.items, id)
    if (old === undefined && next !== undefined) changes.push({bump: 'minor', section: 'Added', description: `Checklist item \`${id}\` in step \`${next.stepId}\`.`})
    else if (old !== undefined && next === undefined) changes.push({bump: 'major', section: 'Removed', description: `Checklist item \`${id}\` from step \`${old.stepId}\` (its id is retired).`})
    else if (old !== undefined && next !== undefined) {
      const rounds = roundsChange(old.rounds, next.rounds)
      if (old.stepId !== next.stepId) changes.push({bump: 'major', section: 'Changed', description: `Checklist item \`${id}\` moved from step \`${old.stepId}\` to \`${next.stepId}\`.`})
      else if (rounds !== undefined) changes.push({bump: rounds, section: 'Changed', description: `Checklist item \`${id}\` now applies to rounds \`${next.rounds}\` (was \`${old.rounds}\`).`})
      else if (old.hash !== next.hash) changes.push({bump: 'patch', section: 'Changed', description: `Checklist item \`${id}\` reworded.`})
    }
  }
  return changes
}

// Ids such as `constructor` are valid: never read them from the prototype.
function own<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined
}

function union(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
}

/**
 * The smallest bump that covers every change.
 *
 * @param changes What `diffReleases` found.
 */
export function requiredBump(changes: readonly Change[]): Bump {
  return changes.reduce<Bump>((most, change) => (BUMPS.indexOf(change.bump) > BUMPS.indexOf(most) ? change.bump : most), 'none')
}

const PLAIN_SEMVER = new RegExp(PATTERNS.semver)

function parts(version: string): [number, number, number] {
  const match = PLAIN_SEMVER.exec(version)
  if (match === null) throw new Error(`expected a plain x.y.z version, received "${version}"`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

/**
 * Apply a bump to a version.
 *
 * @example
 *   bumpVersion('1.2.3', 'minor') // '1.3.0'
 */
export function bumpVersion(version: string, bump: Bump): string {
  const [major, minor, patch] = parts(version)
  if (bump === 'major') return `${major + 1}.0.0`
  if (bump === 'minor') return `${major}.${minor + 1}.0`
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`
  return version
}

/**
 * The bump that goes from one version to another; `none` when `to` is not greater.
 *
 * @example
 *   bumpBetween('1.2.3', '2.0.0') // 'major'
 */
export function bumpBetween(from: string, to: string): Bump {
  const [a, b, c] = parts(from)
  const [x, y, z] = parts(to)
  if (x !== a) return x > a ? 'major' : 'none'
  if (y !== b) return y > b ? 'minor' : 'none'
  return z > c ? 'patch' : 'none'
}

/**
 * Check a manifest's whole history: versions grow, each by at least what its
 * changes need, and no retired id comes back.
 *
 * @param manifest The published releases, oldest first.
 * @returns One sentence per problem; empty when the history is sound.
 * @example
 *   checkHistory(manifest) // []
 */
export function checkHistory(manifest: Manifest): string[] {
  const problems: string[] = []
  manifest.releases.forEach((release, index) => {
    const before = manifest.releases[index - 1]
    if (before !== undefined) {
      const needed = requiredBump(diffReleases(before, release))
      const actual = bumpBetween(before.version, release.version)
      if (actual === 'none') problems.push(`${release.version} does not come after ${before.version}`)
      else if (BUMPS.indexOf(actual) < BUMPS.indexOf(needed)) problems.push(`${before.version} → ${release.version} is a ${actual} bump, but its changes need ${needed}`)
    }
    for (const {id, retiredIn} of reusedIds({releases: manifest.releases.slice(0, index + 1)}, release)) {
      problems.push(`${release.version} reuses \`${id}\`, retired in ${retiredIn}`)
    }
  })
  return problems
}

/**
 * Ids that a release publishes although an earlier release had retired them.
 *
 * @param manifest The published releases.
 * @param next The release to check (by default the last one).
 * @returns Each reused id with the version that retired it.
 */
export function reusedIds(manifest: Manifest, next: Omit<Release, 'version'> = manifest.releases.at(-1) as Release): Array<{id: string; retiredIn: string}> {
  const retired = new Map<string, string>()
  const live = new Set<string>()
  for (const release of manifest.releases) {
    if (release === next) break
    const ids = new Set([...Object.keys(release.steps), ...Object.keys(release.items)])
    for (const id of live) if (!ids.has(id) && !retired.has(id)) retired.set(id, release.version)
    for (const id of ids) live.add(id)
  }
  return [...Object.keys(next.steps), ...Object.keys(next.items)]
    .filter((id) => retired.has(id))
    .map((id) => ({id, retiredIn: retired.get(id) as string}))
}
