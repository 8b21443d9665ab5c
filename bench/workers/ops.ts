// Throughput of the hot calls against a bare array index, in a fresh process
// per benchmark (argv[2] names it) so JIT feedback never mixes. Measures the
// shipped ESM build; the recompute baseline comes from src/ (same code).
// Prints {opsPerSecond, nsPerOp} as JSON: the median of SAMPLES samples.
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {computeChecklist} from '../../src/checklist.js'
import type * as Api from '../../src/index.js'
import {migrateIn} from '../../src/progress.js'
import type {Change, Release} from '../../src/types.js'

const SAMPLES = 15
const MIN_SAMPLE_MS = 40
const root = path.resolve(import.meta.dirname, '../..')
const api = (await import(pathToFileURL(path.join(root, 'dist/index.js')).href)) as typeof Api

// Inputs cycle through a table, so no call sees a constant argument.
const MASK = 1023
const numbers = Array.from({length: MASK + 1}, (_, i) => ((i * 7) % 6) + 1) as Api.StepNumber[]
const ids = numbers.map((n) => api.getStep(n).id)
const rounds = Array.from({length: MASK + 1}, (_, i) => 2 + ((i * 13) % 49))
const plainSteps: Api.Step[] = [...api.listSteps()]
const frozenSteps = api.listSteps()
const clones = [...api.listSteps()]

// migrateProgress at scale: the shipped content is small, so the record and
// the history are synthetic (migrateIn is migrateProgress over any history):
// 1,000 items at 1.0.0; at 2.0.0, 100 renamed (half of them again at 3.0.0)
// and 50 retired. The record ticks all 1,000 items of 1.0.0.
const ITEMS = 1000
const oldIds = Array.from({length: ITEMS}, (_, i) => `item-${i}`)
const renameChanges: Change[] = oldIds.slice(0, 100).map((id) => ({kind: 'renamed', target: 'item', id: `${id}-v2`, from: id}))
const secondRenames: Change[] = oldIds.slice(0, 50).map((id) => ({kind: 'renamed', target: 'item', id: `${id}-v3`, from: `${id}-v2`}))
const retired: Change[] = oldIds.slice(100, 150).map((id) => ({kind: 'removed', target: 'item', id}))
const syntheticHistory = {
  releases: [
    {version: '1.0.0', date: '2026-01-01', changes: []},
    {version: '2.0.0', date: '2026-02-01', changes: [...renameChanges, ...retired]},
    {version: '3.0.0', date: '2026-03-01', changes: secondRenames},
  ] satisfies Release[],
  current: '3.0.0',
}
const currentIds = new Set([...oldIds.slice(150), ...oldIds.slice(50, 100).map((id) => `${id}-v2`), ...oldIds.slice(0, 50).map((id) => `${id}-v3`)])
const isCurrent = (id: string): boolean => currentIds.has(id)
const oldRecord = {version: '1.0.0', checked: oldIds}
// The bare Set operations a migration needs: dedupe, one map lookup per
// renamed id (chains followed), keep current ids; no validation, no freezing.
const renameMap = new Map([...renameChanges, ...secondRenames].map((change) => [change.from as string, change.id]))
function bareMigrate(checked: readonly string[]): number {
  const kept = new Set<string>()
  let dropped = 0
  for (const stored of new Set(checked)) {
    let id: string | undefined = stored
    while (id !== undefined && !currentIds.has(id)) id = renameMap.get(id)
    if (id === undefined) dropped++
    else kept.add(id)
  }
  return kept.size + dropped
}

// progressForRound on the shipped content: half of every round's items ticked.
const progressRounds = rounds.map((r) => api.checklistForRound(r as number).filter((_, i) => i % 2 === 0).map((item) => item.id))
function bareProgress(checked: readonly string[], r: number): number {
  const ticked = new Set(checked)
  let done = 0
  for (const item of api.checklistForRound(r)) if (ticked.has(item.id)) done++
  return done
}

// One explicit loop per benchmark: a shared loop calling a closure would
// measure the closure call as well.
const LOOPS: Record<string, (n: number) => number> = {
  'bare-index'(n) {
    let sink = 0
    for (let i = 0; i < n; i++) sink ^= (plainSteps[(numbers[i & MASK] as number) - 1] as Api.Step).number
    return sink
  },
  'frozen-index'(n) {
    let sink = 0
    for (let i = 0; i < n; i++) sink ^= (frozenSteps[(numbers[i & MASK] as number) - 1] as Api.Step).number
    return sink
  },
  getStep(n) {
    let sink = 0
    for (let i = 0; i < n; i++) sink ^= api.getStep(numbers[i & MASK] as Api.StepNumber).number
    return sink
  },
  getStepById(n) {
    let sink = 0
    for (let i = 0; i < n; i++) sink ^= api.getStepById(ids[i & MASK] as Api.StepId).number
    return sink
  },
  checklistForRound(n) {
    let sink = 0
    for (let i = 0; i < n; i++) sink ^= api.checklistForRound(rounds[i & MASK] as number).length
    return sink
  },
  'checklist-recompute'(n) {
    let sink = 0
    for (let i = 0; i < n; i++) sink ^= computeChecklist(rounds[i & MASK] as number).length
    return sink
  },
  'includes-plain'(n) {
    let sink = 0
    for (let i = 0; i < n; i++) sink ^= plainSteps.includes(clones[i % 6] as Api.Step) ? 1 : 0
    return sink
  },
  'includes-frozen'(n) {
    let sink = 0
    for (let i = 0; i < n; i++) sink ^= frozenSteps.includes(clones[i % 6] as Api.Step) ? 1 : 0
    return sink
  },
  'filter-plain'(n) {
    let sink = 0
    for (let i = 0; i < n; i++) sink ^= plainSteps.filter((step) => step.number > (i & 3)).length
    return sink
  },
  'filter-frozen'(n) {
    let sink = 0
    for (let i = 0; i < n; i++) sink ^= frozenSteps.filter((step) => step.number > (i & 3)).length
    return sink
  },
  migrateProgress(n) {
    let sink = 0
    for (let i = 0; i < n; i++) sink ^= migrateIn(syntheticHistory, isCurrent, oldRecord).checked.length
    return sink
  },
  'migrate-bare'(n) {
    let sink = 0
    for (let i = 0; i < n; i++) sink ^= bareMigrate(oldRecord.checked)
    return sink
  },
  progressForRound(n) {
    let sink = 0
    for (let i = 0; i < n; i++) sink ^= api.progressForRound(progressRounds[i & MASK] as string[], rounds[i & MASK] as number).done.length
    return sink
  },
  'progress-bare'(n) {
    let sink = 0
    for (let i = 0; i < n; i++) sink ^= bareProgress(progressRounds[i & MASK] as string[], rounds[i & MASK] as number)
    return sink
  },
  'clone-per-call'(n) {
    let sink = 0
    for (let i = 0; i < n; i++) sink ^= structuredClone(api.getStep(numbers[i & MASK] as Api.StepNumber)).number
    return sink
  },
}

function time(loop: (n: number) => number, n: number): {ms: number; sink: number} {
  const start = process.hrtime.bigint()
  const sink = loop(n)
  return {ms: Number(process.hrtime.bigint() - start) / 1e6, sink}
}

const name = process.argv[2] ?? ''
const loop = LOOPS[name]
if (loop === undefined) throw new Error(`ops: expected one of ${Object.keys(LOOPS).join(', ')}, received ${JSON.stringify(name)}`)

// Grow the iteration count until one sample takes long enough to time well
// (this also warms the JIT), then take the samples.
let n = 1000
// One warm-up round first: a call that builds a lookup on first use would
// otherwise make the very first sample look long enough and stop the growth.
loop(n)
while (time(loop, n).ms < MIN_SAMPLE_MS) n *= 2
let sinks = 0
const nsPerOp: number[] = []
for (let sample = 0; sample < SAMPLES; sample++) {
  const {ms, sink} = time(loop, n)
  sinks ^= sink
  nsPerOp.push((ms * 1e6) / n)
}
nsPerOp.sort((a, b) => a - b)
const middle = nsPerOp[SAMPLES >> 1] as number
process.stdout.write(JSON.stringify({name, nsPerOp: middle, opsPerSecond: 1e9 / middle, iterations: n, sinks}))
