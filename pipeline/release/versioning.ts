import {PATTERNS} from '../../src/schema.js'
import type {Change as IdChange, ChangeTarget, Guide} from '../../src/types.js'
import {contentHash} from '../parse/units.js'
import {describeHistoryProblem, historyProblems, readIdHistory} from './published-ids.js'
import type {LocaleRelease, Manifest, ReleaseContent, ReleaseItem, ReleaseStep} from './manifest.js'
import {formatRounds, parseRounds, roundsWithin} from '../parse/rounds.js'

/** How much a version must grow, from least to most. */
export const BUMPS = ['none', 'patch', 'minor', 'major'] as const

/** A semver bump, or none. */
export type Bump = (typeof BUMPS)[number]

/**
 * What happened to a locale's units: translated anew (`translated`), their
 * translation changed (`translation-updated`), shipped in the source's words
 * again (`falls-back`: the translation was taken out, or does not follow a
 * rename yet), or gone with the source's step or item (`removed`; a whole
 * locale removed is `removed` with no ids).
 */
export type LocaleChangeKind = 'translated' | 'translation-updated' | 'falls-back' | 'removed'

/** What a change is about: the guide as a whole, a translation, or one step or item by id (as the runtime's `releases` list it). */
export type ChangeSubject =
  | {
      readonly target: 'guide'
      readonly kind: 'reworded' | 'rounds-changed'
    }
  | {
      /** What happened to a translation's units: one change per locale and kind. */
      readonly target: 'locale'
      readonly kind: LocaleChangeKind
      /** The locale's tag. */
      readonly locale: string
      /** The units concerned (`introduction`, step and item ids; a renamed item by its new id); empty for a whole locale removed. */
      readonly ids: readonly string[]
    }
  | IdChange

/** One difference between two releases of the content, and the bump it needs. */
export type Change = ChangeSubject & {
  readonly bump: Exclude<Bump, 'none'>
  /** Keep a Changelog section it belongs in. */
  readonly section: 'Added' | 'Changed' | 'Removed'
  /** A sentence naming the step or item by id. */
  readonly description: string
}

/**
 * Record the compiled content as a release (without its version and date).
 *
 * @param guide The compiled guide.
 * @param replaces Each item's declared `replaces=` ids, by item id
 *   (`BuildResult.replaces`); none by default.
 * @returns What the manifest records of the content.
 */
export function snapshot(
  guide: Guide,
  replaces: ReadonlyMap<string, readonly string[]> = new Map(),
  locales: ReadonlyArray<{readonly tag: string; readonly guide: Guide}> = [],
): ReleaseContent {
  const steps: Record<string, ReleaseStep> = {}
  const items: Record<string, ReleaseItem> = {}
  for (const step of guide.steps) {
    steps[step.id] = {number: step.number, hash: contentHash({title: step.title, summary: step.summary, body: step.body})}
    for (const item of step.checklist) {
      const old = replaces.get(item.id)
      items[item.id] = {stepId: item.stepId, rounds: formatRounds(item.rounds), hash: item.hash, ...(old === undefined || old.length === 0 ? {} : {replaces: [...old]})}
    }
  }
  const translations: Record<string, LocaleRelease> = {}
  for (const locale of locales) translations[locale.tag] = localeSnapshot(locale.guide)
  return {
    rounds: formatRounds(guide.rounds),
    introduction: contentHash({title: guide.title, body: guide.introduction.body, labels: guide.labels}),
    steps,
    items,
    // Left out until there is a translation, so a source-only manifest reads as before.
    ...(locales.length === 0 ? {} : {locales: translations}),
  }
}

// A translation's own hashes: only what it translates (a fallback is the source's words).
function localeSnapshot(guide: Guide): LocaleRelease {
  const steps: Record<string, string> = {}
  const items: Record<string, string> = {}
  for (const step of guide.steps) {
    if (step.translation !== 'fallback') steps[step.id] = contentHash({title: step.title, summary: step.summary, body: step.body})
    for (const item of step.checklist) if (item.translation !== 'fallback') items[item.id] = item.hash
  }
  return {introduction: contentHash({title: guide.title, body: guide.introduction.body, labels: guide.labels}), steps, items}
}

// How each kind of locale change reads, and where it goes in the changelog.
const LOCALE_CHANGES: ReadonlyArray<{kind: LocaleChangeKind; section: Change['section']; describe: (units: string) => string}> = [
  {kind: 'translated', section: 'Added', describe: (units) => `translated ${units}`},
  {kind: 'translation-updated', section: 'Changed', describe: (units) => `translation updated for ${units}`},
  {kind: 'falls-back', section: 'Changed', describe: (units) => `now falls back to the source's wording for ${units}`},
  {kind: 'removed', section: 'Removed', describe: (units) => `translation removed with the source's ${units}`},
]

// What happened to each locale's units, judged on the hashes of its own
// words: a unit never translated says nothing, whatever the source did.
function localeChanges(before: ReleaseContent, after: ReleaseContent): Change[] {
  const renames = renamesBetween(before, after)
  const renamedAway = new Set([...renames.values()].flat())
  const changes: Change[] = []
  for (const tag of union(before.locales ?? {}, after.locales ?? {})) {
    const old = own(before.locales ?? {}, tag)
    const next = own(after.locales ?? {}, tag)
    if (next === undefined) {
      changes.push({target: 'locale', kind: 'removed', locale: tag, ids: [], bump: 'patch', section: 'Removed', description: `Locale \`${tag}\` (its readers get the source's text).`})
      continue
    }
    // A locale just added (npm run content:locale), still all in the source's words.
    if (old === undefined && next.introduction === after.introduction && Object.keys(next.steps).length + Object.keys(next.items).length === 0) {
      changes.push({target: 'locale', kind: 'translated', locale: tag, ids: [], bump: 'patch', section: 'Added', description: `Locale \`${tag}\` (in the source's words until translated).`})
      continue
    }
    const found = new Map<LocaleChangeKind, Array<{id: string; noun: string; label: string}>>()
    const judge = (id: string, noun: string, label: string, was: string | undefined, now: string | undefined, inSource: boolean): void => {
      const kind: LocaleChangeKind | undefined =
        was === undefined ? (now === undefined ? undefined : 'translated') : now === undefined ? (inSource ? 'falls-back' : 'removed') : was === now ? undefined : 'translation-updated'
      if (kind !== undefined) found.set(kind, [...(found.get(kind) ?? []), {id, noun, label}])
    }
    // A locale's introduction is recorded even in the source's words (then
    // its hash is the source's): those are no translation to have or update.
    const [was, now] = [old?.introduction, next.introduction]
    if (was !== now) judge('introduction', '', 'the title, introduction and labels', was === before.introduction ? undefined : was, now === after.introduction ? undefined : now, true)
    for (const id of union(old?.steps ?? {}, next.steps)) judge(id, 'step', `\`${id}\``, own(old?.steps ?? {}, id), own(next.steps, id), own(after.steps, id) !== undefined)
    // A renamed item is judged under its new id, against the translation of the id it replaces.
    const itemIds = [...new Set([...union(old?.items ?? {}, next.items), ...renames.keys()])].filter((id) => !renamedAway.has(id)).sort()
    for (const id of itemIds) {
      const from = renames.get(id) ?? []
      const previous = own(old?.items ?? {}, id) ?? from.map((replaced) => own(old?.items ?? {}, replaced)).find((hash) => hash !== undefined)
      const label = from.length === 0 ? `\`${id}\`` : `\`${id}\` (renamed from ${from.map((replaced) => `\`${replaced}\``).join(', ')})`
      judge(id, 'item', label, previous, own(next.items, id), own(after.items, id) !== undefined)
    }
    for (const {kind, section, describe} of LOCALE_CHANGES) {
      const units = found.get(kind)
      if (units === undefined) continue
      const parts = ['', 'step', 'item'].flatMap((noun) => {
        const labels = units.filter((unit) => unit.noun === noun).map((unit) => unit.label)
        if (labels.length === 0) return []
        return [noun === '' ? labels.join(', ') : `${noun}${labels.length === 1 ? '' : 's'} ${labels.join(', ')}`]
      })
      changes.push({target: 'locale', kind, locale: tag, ids: units.map((unit) => unit.id), bump: 'patch', section, description: `Locale \`${tag}\`: ${describe(parts.join('; '))}.`})
    }
  }
  return changes
}

function roundsChange(before: string, after: string): Exclude<Bump, 'none'> | undefined {
  if (before === after) return undefined
  const old = parseRounds(before)
  const next = parseRounds(after)
  // Widening only adds where the content shows up; anything else takes some away.
  return old !== undefined && next !== undefined && roundsWithin(old, next) ? 'minor' : 'major'
}

/**
 * Items of `after` that replace items of `before`: new id → old ids, for each
 * `replaces` id that `before` had and `after` no longer has.
 */
function renamesBetween(before: ReleaseContent, after: ReleaseContent): Map<string, string[]> {
  const renames = new Map<string, string[]>()
  for (const id of Object.keys(after.items).sort()) {
    if (own(before.items, id) !== undefined) continue
    const old = (own(after.items, id)?.replaces ?? []).filter((from) => own(before.items, from) !== undefined && own(after.items, from) === undefined)
    if (old.length > 0) renames.set(id, old)
  }
  return renames
}

/**
 * List what changed between two releases of the content. Removing or
 * renumbering a step, removing or moving an item, or narrowing rounds is
 * major; adding a step or item, renaming an item (`replaces=`), or widening
 * rounds is minor; wording, and any change to a translation, is patch.
 *
 * @param before The earlier release.
 * @param after The later one.
 * @returns The changes, guide first, then steps, then items, each in id order, then each translation's (one per locale and kind of change).
 * @example
 *   diffReleases(release, release) // []
 */
export function diffReleases(before: ReleaseContent, after: ReleaseContent): Change[] {
  const changes: Change[] = []
  const guideRounds = roundsChange(before.rounds, after.rounds)
  if (guideRounds !== undefined) changes.push({target: 'guide', kind: 'rounds-changed', bump: guideRounds, section: 'Changed', description: `The guide's rounds changed from \`${before.rounds}\` to \`${after.rounds}\`.`})
  if (before.introduction !== after.introduction) changes.push({target: 'guide', kind: 'reworded', bump: 'patch', section: 'Changed', description: 'The title, introduction or labels (`step-heading`, `round-heading`) were reworded.'})

  for (const id of union(before.steps, after.steps)) {
    const old = own(before.steps, id)
    const next = own(after.steps, id)
    const step = {target: 'step', id} as const
    if (old === undefined && next !== undefined) changes.push({...step, kind: 'added', bump: 'minor', section: 'Added', description: `Step \`${id}\` (number ${next.number}).`})
    else if (old !== undefined && next === undefined) changes.push({...step, kind: 'removed', bump: 'major', section: 'Removed', description: `Step \`${id}\` (its id is retired).`})
    else if (old !== undefined && next !== undefined) {
      if (old.number !== next.number) changes.push({...step, kind: 'moved', from: String(old.number), bump: 'major', section: 'Changed', description: `Step \`${id}\` renumbered from ${old.number} to ${next.number}.`})
      if (old.hash !== next.hash) changes.push({...step, kind: 'reworded', bump: 'patch', section: 'Changed', description: `Step \`${id}\` reworded.`})
    }
  }

  const renames = renamesBetween(before, after)
  const renamed = new Set([...renames.values()].flat())
  for (const id of union(before.items, after.items)) {
    const next = own(after.items, id)
    const sources = renames.get(id)
    if (sources !== undefined && next !== undefined) {
      for (const from of sources) {
        changes.push({target: 'item', kind: 'renamed', id, from, bump: 'minor', section: 'Changed', description: `Checklist item \`${from}\` renamed to \`${id}\`.`})
      }
      // What else changed is judged against the first id it replaces.
      const old = own(before.items, sources[0] as string)
      if (old !== undefined) changes.push(...itemChanges(id, old, next))
      continue
    }
    if (renamed.has(id)) continue
    const old = own(before.items, id)
    if (old === undefined && next !== undefined) changes.push({target: 'item', kind: 'added', id, bump: 'minor', section: 'Added', description: `Checklist item \`${id}\` in step \`${next.stepId}\`.`})
    else if (old !== undefined && next === undefined) changes.push({target: 'item', kind: 'removed', id, bump: 'major', section: 'Removed', description: `Checklist item \`${id}\` from step \`${old.stepId}\` (its id is retired).`})
    else if (old !== undefined && next !== undefined) changes.push(...itemChanges(id, old, next))
  }
  // Translations last: a translation-only change is a patch.
  changes.push(...localeChanges(before, after))
  return changes
}

// Each judged on its own: an item's hash covers its wording only, so a move or
// a rounds change is never taken for a rewording, and hides none.
function itemChanges(id: string, old: ReleaseItem, next: ReleaseItem): Change[] {
  const item = {target: 'item', id} as const
  const changes: Change[] = []
  if (old.stepId !== next.stepId) changes.push({...item, kind: 'moved', from: old.stepId, bump: 'major', section: 'Changed', description: `Checklist item \`${id}\` moved from step \`${old.stepId}\` to \`${next.stepId}\`.`})
  const rounds = roundsChange(old.rounds, next.rounds)
  if (rounds !== undefined) changes.push({...item, kind: 'rounds-changed', bump: rounds, section: 'Changed', description: `Checklist item \`${id}\` now applies to rounds \`${next.rounds}\` (was \`${old.rounds}\`).`})
  if (old.hash !== next.hash) changes.push({...item, kind: 'reworded', bump: 'patch', section: 'Changed', description: `Checklist item \`${id}\` reworded.`})
  return changes
}

/**
 * Find ids that look renamed without saying so: a removed step or item and an
 * added one with the same hash (an item's hash covers its wording only, not
 * its id, step or rounds, so the pair may also have moved or changed rounds;
 * a step's covers its title, summary and body). Such a pair is recorded as a
 * removal (major) plus an addition; `replaces=` on the item would make it a
 * rename (minor) that keeps readers' progress.
 *
 * @param before The earlier release.
 * @param after The later one.
 * @returns Each pair (the removed id `from`, the added `to`), steps first, in id order.
 */
export function likelyRenames(before: ReleaseContent, after: ReleaseContent): Array<{target: ChangeTarget; from: string; to: string}> {
  const found: Array<{target: ChangeTarget; from: string; to: string}> = []
  const renamed = new Set([...renamesBetween(before, after).entries()].flatMap(([to, from]) => [to, ...from]))
  for (const target of ['step', 'item'] as const) {
    const old: Readonly<Record<string, {readonly hash: string}>> = target === 'step' ? before.steps : before.items
    const next: Readonly<Record<string, {readonly hash: string}>> = target === 'step' ? after.steps : after.items
    const added = Object.keys(next).filter((id) => own(old, id) === undefined && !renamed.has(id)).sort()
    for (const from of Object.keys(old).filter((id) => own(next, id) === undefined && !renamed.has(id)).sort()) {
      const hash = own(old, from)?.hash
      for (const to of added) if (own(next, to)?.hash === hash) found.push({target, from, to})
    }
  }
  return found
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
 * changes need, dates do not go back, no retired id comes back, and every
 * recorded rename names an item the release before had.
 *
 * @param manifest The published releases, oldest first.
 * @returns One sentence per problem; empty when the history is sound.
 * @example
 *   checkHistory(manifest) // []
 */
export function checkHistory(manifest: Manifest): string[] {
  const problems: string[] = []
  // Each release judged against the history before it, as the lint judged the content then.
  readIdHistory(manifest, (history, release) => {
    const before = history.last
    if (before !== undefined) {
      const needed = requiredBump(diffReleases(before, release))
      const actual = bumpBetween(before.version, release.version)
      if (actual === 'none') problems.push(`${release.version} does not come after ${before.version}`)
      else if (BUMPS.indexOf(actual) < BUMPS.indexOf(needed)) problems.push(`${before.version} → ${release.version} is a ${actual} bump, but its changes need ${needed}`)
      if (release.date < before.date) problems.push(`${release.version} is dated ${release.date}, before ${before.version} (${before.date})`)
    }
    const uses = [
      ...Object.keys(release.steps).map((id) => ({id, target: 'step' as const, replaces: []})),
      ...Object.entries(release.items).map(([id, item]) => ({id, target: 'item' as const, replaces: item.replaces ?? []})),
    ]
    const found = historyProblems(history, uses)
    for (const {problem} of found) if (problem.kind === 'retired') problems.push(`${release.version} reuses \`${problem.id}\`, retired in ${problem.retiredIn}`)
    for (const {problem} of found) {
      if (problem.kind !== 'retired') problems.push(`${release.version} records \`${problem.id}\` with ${describeHistoryProblem(problem).replace(/^Expected/, 'expected')}`)
    }
  })
  return problems
}
