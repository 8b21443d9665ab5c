import {useCallback, useState} from 'react'

// Progress is stored against checklist item ids: they are stable across
// content versions, which is why the package promises never to change them.
const STORAGE_KEY = 'ace-second-interview:checked'

function load(): Set<string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]')
    return new Set(Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [])
  } catch {
    return new Set()
  }
}

/**
 * Ticked checklist item ids, persisted in localStorage.
 *
 * @returns The ticked ids and a toggle.
 */
export function useProgress(): {checked: ReadonlySet<string>; toggle: (id: string) => void} {
  const [checked, setChecked] = useState(load)
  const toggle = useCallback((id: string) => {
    setChecked((old) => {
      const next = new Set(old)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      localStorage.setItem(STORAGE_KEY, JSON.stringify([...next].sort()))
      return next
    })
  }, [])
  return {checked, toggle}
}
