import type {Change} from './versioning.js'

const SECTIONS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'] as const

/**
 * Turn `## [Unreleased]` into a release section: its notes, plus one line per
 * content change (listed by id), under Keep a Changelog headings; a fresh,
 * empty `## [Unreleased]` stays on top.
 *
 * @param changelog The current CHANGELOG.md.
 * @param version The new version.
 * @param date The release date, `YYYY-MM-DD`.
 * @param changes The content changes in this release.
 * @returns The new CHANGELOG.md.
 * @throws {Error} When the changelog has no `## [Unreleased]` heading.
 */
export function addRelease(changelog: string, version: string, date: string, changes: readonly Change[]): string {
  const heading = /^## \[Unreleased\][^\n]*\n/m.exec(changelog)
  if (heading === null) throw new Error('addRelease: expected a `## [Unreleased]` heading in CHANGELOG.md, found none')
  const start = heading.index + heading[0].length
  // The section ends at the next release or at the link definitions closing the file.
  const next = changelog.slice(start).search(/^(?:## \[|\[[^\]\n]+\]:)/m)
  const end = next === -1 ? changelog.length : start + next
  const unreleased = changelog.slice(start, end)

  // Notes already written under [Unreleased], by section.
  const notes = new Map<string, string[]>()
  let section = 'Changed'
  for (const line of unreleased.split('\n')) {
    const sub = /^### (.+)$/.exec(line)
    if (sub !== null) section = sub[1]?.trim() ?? section
    else if (line.trim() !== '') notes.set(section, [...(notes.get(section) ?? []), line])
  }
  for (const change of changes) {
    notes.set(change.section, [...(notes.get(change.section) ?? []), `- Content: ${change.description}`])
  }
  const order = [...SECTIONS, ...[...notes.keys()].filter((name) => !(SECTIONS as readonly string[]).includes(name))]
  const body = order
    .filter((name) => notes.has(name))
    .map((name) => `### ${name}\n\n${(notes.get(name) ?? []).join('\n')}\n`)
    .join('\n')
  const release = `## [${version}] - ${date}\n\n${body || '### Changed\n\n- No content changes.\n'}\n`
  return `${changelog.slice(0, start)}\n${release}${changelog.slice(end)}`
}
