import type {Change} from './versioning.js'

const SECTIONS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'] as const

/** Lines `content:version` writes itself, rewritten whenever a release is amended. */
const CONTENT_LINE = /^- Content: /
const NO_CONTENT_CHANGES = '- No content changes.'

type Notes = Map<string, string[]>

interface Section {
  /** Where the heading line starts. */
  readonly start: number
  /** Where the section's body starts (after the heading line). */
  readonly body: number
  /** Where the next release or the closing link definitions start. */
  readonly end: number
}

function findSection(changelog: string, heading: RegExp): Section | undefined {
  const match = heading.exec(changelog)
  if (match === null) return undefined
  const body = match.index + match[0].length
  // A section ends at the next release or at the link definitions closing the file.
  const next = changelog.slice(body).search(/^(?:## \[|\[[^\]\n]+\]:)/m)
  return {start: match.index, body, end: next === -1 ? changelog.length : body + next}
}

function escape(version: string): string {
  return version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

// Notes by `### Section`; lines before any heading count as `Changed`.
function readNotes(text: string, notes: Notes = new Map()): Notes {
  let section = 'Changed'
  for (const line of text.split('\n')) {
    const sub = /^### (.+)$/.exec(line)
    if (sub !== null) section = sub[1]?.trim() ?? section
    else if (line.trim() !== '') notes.set(section, [...(notes.get(section) ?? []), line])
  }
  return notes
}

/**
 * Add a release section under `## [Unreleased]`. A content release (one with
 * content changes) holds one line per change (listed by id) under Keep a
 * Changelog headings, and nothing else: the hand-written notes under
 * `[Unreleased]` (engineering notes, which wait for the package release that
 * ships them) stay where they are. A release without content changes (`--release`
 * for code or packaging) is that package release: it takes those notes, and
 * `[Unreleased]` is left empty.
 *
 * @param changelog The current CHANGELOG.md.
 * @param version The new version.
 * @param date The release date, `YYYY-MM-DD`.
 * @param changes The content changes in this release.
 * @param carried Notes the entry already had (from an amended release); they come first.
 * @returns The new CHANGELOG.md.
 * @throws {Error} When the changelog has no `## [Unreleased]` heading.
 */
export function addRelease(changelog: string, version: string, date: string, changes: readonly Change[], carried: ReadonlyMap<string, readonly string[]> = new Map()): string {
  const unreleased = findSection(changelog, /^## \[Unreleased\][^\n]*\n/m)
  if (unreleased === undefined) throw new Error('addRelease: expected a `## [Unreleased]` heading in CHANGELOG.md, found none')

  // Notes carried over (written earlier), then, for a package release, those under [Unreleased], by section.
  const notes: Notes = new Map([...carried].map(([section, lines]) => [section, [...lines]]))
  const takesNotes = changes.length === 0
  if (takesNotes) readNotes(changelog.slice(unreleased.body, unreleased.end), notes)
  for (const change of changes) {
    notes.set(change.section, [...(notes.get(change.section) ?? []), `- Content: ${change.description}`])
  }
  const order = [...SECTIONS, ...[...notes.keys()].filter((name) => !(SECTIONS as readonly string[]).includes(name))]
  const body = order
    .filter((name) => notes.has(name))
    .map((name) => `### ${name}\n\n${(notes.get(name) ?? []).join('\n')}\n`)
    .join('\n')
  const release = `## [${version}] - ${date}\n\n${body || `### Changed\n\n${NO_CONTENT_CHANGES}\n`}\n`
  const head = changelog.slice(0, takesNotes ? unreleased.body : unreleased.end).trimEnd()
  return `${head}\n\n${release}${changelog.slice(unreleased.end)}`
}

/**
 * Rewrite the entry of a release that is being amended (`content:version
 * --amend`): its hand-written notes are kept, its `- Content:` lines are
 * replaced by the new changes, and its heading takes the new version and
 * date; as in {@link addRelease}, the notes under `[Unreleased]` join it
 * only when it has no content changes. A link definition for the old
 * version is renamed too.
 *
 * @param changelog The current CHANGELOG.md.
 * @param previous The version of the entry being amended.
 * @param version The amended release's version (the same or a new one).
 * @param date The amended release's date, `YYYY-MM-DD`.
 * @param changes Every content change of the amended release.
 * @returns The new CHANGELOG.md.
 * @throws {Error} When the changelog has no `## [previous]` or `## [Unreleased]` heading.
 */
export function amendRelease(changelog: string, previous: string, version: string, date: string, changes: readonly Change[]): string {
  const entry = findSection(changelog, new RegExp(`^## \\[${escape(previous)}\\][^\\n]*\\n`, 'm'))
  if (entry === undefined) throw new Error(`amendRelease: expected a \`## [${previous}]\` heading in CHANGELOG.md, found none`)
  const kept = readNotes(changelog.slice(entry.body, entry.end))
  for (const [section, lines] of kept) {
    const own = lines.filter((line) => !CONTENT_LINE.test(line) && line.trim() !== NO_CONTENT_CHANGES)
    if (own.length === 0) kept.delete(section)
    else kept.set(section, own)
  }
  const without = changelog.slice(0, entry.start) + changelog.slice(entry.end)
  const relinked = previous === version ? without : without.replace(new RegExp(`^\\[${escape(previous)}\\]:.*$`, 'm'), (line) => line.replaceAll(previous, version))
  return addRelease(relinked, version, date, changes, kept)
}

/**
 * The text of one release's entry, heading included.
 *
 * @param changelog A CHANGELOG.md.
 * @param version The release.
 * @returns The entry, or `undefined` when there is none.
 */
export function releaseEntry(changelog: string, version: string): string | undefined {
  const entry = findSection(changelog, new RegExp(`^## \\[${escape(version)}\\][^\\n]*\\n`, 'm'))
  return entry === undefined ? undefined : changelog.slice(entry.start, entry.end).trimEnd()
}
