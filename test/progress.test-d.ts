import {describe, expectTypeOf, it} from 'vitest'
import {
  type Change,
  type ChangeKind,
  type ChecklistItem,
  type ChecklistItemId,
  type MigratedProgress,
  type ProgressRecord,
  type Release,
  type RoundProgress,
  changesSince,
  migrateProgress,
  progressForRound,
  releases,
} from '../src/index.js'

describe('progress and history types', () => {
  it('releases and changes are read-only, with the six kinds', () => {
    expectTypeOf(releases).toEqualTypeOf<readonly Release[]>()
    expectTypeOf<Release['date']>().toEqualTypeOf<string>()
    expectTypeOf(changesSince).returns.toEqualTypeOf<readonly Change[]>()
    expectTypeOf<ChangeKind>().toEqualTypeOf<'added' | 'reworded' | 'removed' | 'renamed' | 'moved' | 'rounds-changed'>()
    expectTypeOf<Change['from']>().toEqualTypeOf<string | undefined>()
    // @ts-expect-error a change cannot be edited
    releases[0]!.changes[0]!.id = 'x'
  })

  it('a migrated record holds current item ids and is a record itself', () => {
    expectTypeOf(migrateProgress).parameter(0).toEqualTypeOf<ProgressRecord>()
    expectTypeOf(migrateProgress).returns.toEqualTypeOf<MigratedProgress>()
    expectTypeOf<MigratedProgress['checked']>().toEqualTypeOf<readonly ChecklistItemId[]>()
    expectTypeOf<MigratedProgress>().toExtend<ProgressRecord>()
    // @ts-expect-error a record needs its version
    migrateProgress({checked: []})
  })

  it('progressForRound takes an array or a Set and returns rendered items', () => {
    expectTypeOf(progressForRound(new Set<string>(), 2)).toEqualTypeOf<RoundProgress>()
    expectTypeOf(progressForRound([], 2).done).toEqualTypeOf<readonly ChecklistItem[]>()
    // @ts-expect-error ids are strings
    progressForRound([1], 2)
  })
})
