// Properties of migrateProgress and changesSince over random release
// histories: items added, reworded, moved, removed, renamed (in chains), and
// merged, across random releases, with the ground truth of where each id went.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {changesIn} from '../src/history.js'
import {migrateIn} from '../src/progress.js'
import type {ItemSpec, ReleaseSpec} from './synthetic-history.js'
import {currentItemsOf, historyOf} from './synthetic-history.js'

type Op =
  | {readonly op: 'add' | 'reword' | 'move' | 'remove' | 'rename'; readonly pick: number}
  | {readonly op: 'merge'; readonly pick: number; readonly other: number}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({op: fc.constantFrom('add', 'reword', 'move', 'remove', 'rename'), pick: fc.nat()}),
  fc.record({op: fc.constant('merge'), pick: fc.nat(), other: fc.nat()}),
) as fc.Arbitrary<Op>

/** A random history, and for every id ever published, the current id it lives on as (or null). */
interface World {
  readonly specs: ReleaseSpec[]
  /** Where each id of each release went, by release index. */
  readonly fate: ReadonlyMap<string, string | null>
}

function buildWorld(initial: number, releases: readonly (readonly Op[])[]): World {
  let next = 0
  const fresh = (): string => `i${next++}`
  const items = new Map<string, ItemSpec>()
  for (let index = 0; index < initial; index++) items.set(fresh(), {step: `s${index % 3}`})
  // Every id ever published → the id it lives on as now (null once gone).
  const fate = new Map<string, string | null>([...items.keys()].map((id) => [id, id]))
  const follow = (from: string, to: string | null): void => {
    for (const [id, now] of fate) if (now === from) fate.set(id, to)
  }
  const specs: ReleaseSpec[] = [{version: '1.0.0', items: Object.fromEntries(items)}]
  releases.forEach((ops, index) => {
    const published = new Set(Object.keys(specs.at(-1)!.items))
    // An editor names published ids in `replaces`: an item made in this
    // release and renamed again hands on what it replaced.
    const replacedBy = (id: string): string[] => (published.has(id) ? [id] : [...(items.get(id)?.replaces ?? [])])
    for (const operation of ops) {
      const ids = [...items.keys()]
      const id = ids[operation.pick % Math.max(ids.length, 1)]
      if (operation.op === 'add' || id === undefined) {
        const added = fresh()
        items.set(added, {step: `s${operation.pick % 3}`})
        fate.set(added, added)
        continue
      }
      const item = items.get(id) as ItemSpec
      if (operation.op === 'reword') items.set(id, {...item, text: `${item.text ?? 'v1'}+`})
      else if (operation.op === 'move') items.set(id, {...item, step: `s${(Number(item.step.slice(1)) + 1) % 3}`})
      else if (operation.op === 'remove') {
        items.delete(id)
        follow(id, null)
      } else {
        const other = operation.op === 'merge' ? ids[operation.other % ids.length] : undefined
        const olds = other === undefined || other === id ? [id] : [id, other]
        const replaced = olds.flatMap(replacedBy)
        const renamed = fresh()
        for (const old of olds) {
          items.delete(old)
          follow(old, renamed)
        }
        items.set(renamed, {step: item.step, ...(replaced.length === 0 ? {} : {replaces: replaced})})
        fate.set(renamed, renamed)
      }
    }
    specs.push({version: `1.${index + 1}.0`, items: Object.fromEntries(items)})
  })
  // Ids made and replaced within one release never shipped.
  const shipped = new Set(specs.flatMap((spec) => Object.keys(spec.items)))
  return {specs, fate: new Map([...fate].filter(([id]) => shipped.has(id)))}
}

const worldArb = fc
  .tuple(fc.integer({min: 0, max: 8}), fc.array(fc.array(opArb, {maxLength: 6}), {minLength: 1, maxLength: 6}))
  .map(([initial, releases]) => buildWorld(initial, releases))

/** A world, a starting release, and a record of ids from it (with strays and duplicates). */
const caseArb = worldArb.chain((world) =>
  fc.record({
    world: fc.constant(world),
    start: fc.nat({max: world.specs.length - 1}),
    extra: fc.array(fc.constantFrom('never-published', 'i9999'), {maxLength: 2}),
  }).chain((base) => {
    const ids = Object.keys(world.specs[base.start]!.items)
    return fc.record({
      ...Object.fromEntries(Object.entries(base).map(([key, value]) => [key, fc.constant(value)])),
      ticked: ids.length === 0 ? fc.constant([] as string[]) : fc.array(fc.constantFrom(...ids), {maxLength: 12}),
    }) as fc.Arbitrary<typeof base & {ticked: string[]}>
  }),
)

describe('migrateProgress properties', () => {
  it('migrating twice equals migrating once; every id kept is current; nothing that still exists is lost', () => {
    fc.assert(
      fc.property(caseArb, ({world, start, ticked, extra}) => {
        const history = historyOf(world.specs)
        const isCurrent = currentItemsOf(world.specs)
        const record = {version: world.specs[start]!.version, checked: [...ticked, ...extra]}
        const once = migrateIn(history, isCurrent, record)
        const twice = migrateIn(history, isCurrent, once)
        expect(twice.checked).toEqual(once.checked)
        expect(twice.renamed).toEqual([])
        expect(twice.dropped).toEqual([])
        for (const id of once.checked) expect(isCurrent(id)).toBe(true)
        expect(new Set(once.checked).size).toBe(once.checked.length)
        // The ground truth: each ticked id that lives on, under its current name.
        for (const id of ticked) {
          const now = world.fate.get(id)
          if (now === null || now === undefined) expect(once.dropped).toContain(id)
          else expect(once.checked).toContain(now)
        }
        expect(once.checked.length).toBe(new Set(ticked.map((id) => world.fate.get(id)).filter((id) => id != null)).size)
      }),
      {numRuns: 300},
    )
  })
})

describe('changesSince properties', () => {
  it('added, removed and renamed item ids match where each id of the starting release went', () => {
    fc.assert(
      fc.property(worldArb, fc.nat(), (world, pick) => {
        const start = pick % world.specs.length
        const before = Object.keys(world.specs[start]!.items)
        const after = Object.keys(world.specs.at(-1)!.items)
        const changes = changesIn(historyOf(world.specs), world.specs[start]!.version).filter((change) => change.target === 'item')
        const of = (kind: string) => changes.filter((change) => change.kind === kind)
        const images = new Set(before.map((id) => world.fate.get(id)))
        expect(of('removed').map((change) => change.id).sort()).toEqual(before.filter((id) => world.fate.get(id) === null).sort())
        expect(of('added').map((change) => change.id).sort()).toEqual(after.filter((id) => !images.has(id)).sort())
        expect(of('renamed').map((change) => `${change.from}→${change.id}`).sort()).toEqual(
          before.filter((id) => world.fate.get(id) != null && world.fate.get(id) !== id).map((id) => `${id}→${world.fate.get(id)}`).sort(),
        )
        // One change of each kind per id (renames: one per old id).
        const keys = changes.map((change) => `${change.kind} ${change.id} ${change.kind === 'renamed' ? change.from : ''}`)
        expect(new Set(keys).size).toBe(keys.length)
      }),
      {numRuns: 300},
    )
  })
})
