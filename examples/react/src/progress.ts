import {type ChecklistItem, type ProgressRecord, changesSince, guide, isGuideError, migrateProgress} from 'ace-second-interview'
import {useCallback, useEffect, useState} from 'react'

// The reader's progress: `{version, checked}`, saved against checklist item
// ids and the content version they were ticked under, so a later release can
// carry ticks across renames and say what is new (see the README's "Keeping
// readers' progress across releases").
const STORAGE_KEY = 'ace-second-interview:progress'

/** What the page knows about the reader's progress once it has loaded. */
export interface Progress {
  /** Ticked item ids, current ones only. */
  readonly checked: ReadonlySet<string>
  /** Items added or reworded since the reader's last visit. */
  readonly news: readonly ChecklistItem[]
  /** Stored ticks whose items are gone. */
  readonly dropped: readonly string[]
  /** Something the reader should know about their saved progress, if anything. */
  readonly notice: string | undefined
}

// Every current item, rendered for the guide's first round, by id.
const ITEMS = new Map(guide.steps.flatMap((step) => step.checklist.map((item) => [item.id as string, item] as const)))

function read(): unknown {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')
  } catch {
    return {}
  }
}

/** What a save writes besides the current ticks. */
interface Kept {
  /** The version to save under: the installed one, or a newer one the record came from. */
  readonly version: string
  /** Stored ids this version does not know, kept for the newer version that wrote them. */
  readonly unknown: readonly string[]
}

function save(kept: Kept, checked: Iterable<string>): void {
  const record: ProgressRecord = {version: kept.version, checked: [...checked, ...kept.unknown]}
  localStorage.setItem(STORAGE_KEY, JSON.stringify(record))
}

const CURRENT: Kept = {version: guide.version, unknown: []}

/**
 * Load the stored record and bring it up to the installed content.
 *
 * @returns The ticks to show, what is new, and what was dropped.
 */
export function loadProgress(): Progress & {readonly migrated: boolean; readonly kept: Kept} {
  const stored = read()
  if (stored === null) return {checked: new Set(), news: [], dropped: [], notice: undefined, migrated: false, kept: CURRENT}
  try {
    const {version, checked, dropped} = migrateProgress(stored as ProgressRecord)
    // migrateProgress has checked the stored version: it was released.
    const since = (stored as ProgressRecord).version
    const news = changesSince(since)
      .filter((change) => change.target === 'item' && (change.kind === 'added' || change.kind === 'reworded'))
      .flatMap((change) => ITEMS.get(change.id) ?? [])
    return {checked: new Set(checked), news, dropped, notice: undefined, migrated: since !== version || dropped.length > 0, kept: CURRENT}
  } catch (error) {
    if (!isGuideError(error)) throw error
    // Never downgrade a record from a newer release: show it, keep it stored.
    if (error.code === 'ERR_PROGRESS_FROM_NEWER_VERSION') {
      const record = stored as ProgressRecord
      const notice = `Your progress was saved by a newer version of this guide (${record.version}); it is shown as far as this version knows its items.`
      const kept = {version: record.version, unknown: record.checked.filter((id) => !ITEMS.has(id))}
      return {checked: new Set(record.checked.filter((id) => ITEMS.has(id))), news: [], dropped: [], notice, migrated: false, kept}
    }
    const notice = `Your saved progress could not be read (${error.code}), so the checklist starts empty.`
    return {checked: new Set(), news: [], dropped: [], notice, migrated: false, kept: CURRENT}
  }
}

/**
 * The reader's progress, persisted in localStorage as `{version, checked}`
 * and migrated to the installed content on load.
 *
 * @returns The progress as loaded, and a toggle that saves.
 */
export function useProgress(): Progress & {toggle: (id: string) => void} {
  const [loaded] = useState(loadProgress)
  const [checked, setChecked] = useState(loaded.checked)
  // Save a migrated record once, so the next visit starts from this version.
  useEffect(() => {
    if (loaded.migrated) save(loaded.kept, loaded.checked)
  }, [loaded])
  const toggle = useCallback((id: string) => {
    setChecked((old) => {
      const next = new Set(old)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      save(loaded.kept, next)
      return next
    })
  }, [loaded])
  return {...loaded, checked, toggle}
}
