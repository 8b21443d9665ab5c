// Throughput of getStep, getStepById, checklistForRound, migrateProgress and progressForRound against their
// baselines; each benchmark runs in its own process (workers/ops.ts).
import path from 'node:path'
import {ROOT} from '../consumer.js'
import {type Figure, format, rate} from '../figure.js'
import {TSX_IMPORT, nodeJson} from '../spawn.js'

const WORKER = path.join(ROOT, 'bench/workers/ops.ts')

const BENCHMARKS = [
  'bare-index',
  'getStep',
  'getStepById',
  'checklistForRound',
  'checklist-recompute',
  'frozen-index',
  'includes-plain',
  'includes-frozen',
  'filter-plain',
  'filter-frozen',
  'clone-per-call',
  'migrateProgress',
  'migrate-bare',
  'progressForRound',
  'progress-bare',
] as const

/** Name of one throughput benchmark. */
export type OpsBenchmark = (typeof BENCHMARKS)[number]

/** What {@link measureOps} found. */
export interface OpsResult {
  readonly figures: Figure[]
  /** Median nanoseconds per operation of every benchmark. */
  readonly nsPerOp: Readonly<Record<OpsBenchmark, number>>
}

/**
 * Run every throughput benchmark, each in a fresh process.
 *
 * @returns The figures, and every median for the notes.
 */
export function measureOps(): OpsResult {
  const nsPerOp = {} as Record<OpsBenchmark, number>
  for (const name of BENCHMARKS) {
    nsPerOp[name] = nodeJson<{nsPerOp: number}>([...TSX_IMPORT, WORKER, name], ROOT).nsPerOp
  }
  const bare = nsPerOp['bare-index']
  const lookup = (name: 'getStep' | 'getStepById', call: string): Figure => ({
    name: `\`${call}\`, validation included`,
    measured: rate(nsPerOp[name]),
    baseline: `${rate(bare)} (bare array index)`,
    ratio: `${format(nsPerOp[name] / bare)}×`,
    goal: '≥ 100 M ops/s; ≤ 1.1× the bare index',
    met: 1e3 / nsPerOp[name] >= 100 && nsPerOp[name] / bare <= 1.1,
  })
  return {
    figures: [
      lookup('getStep', 'getStep(n)'),
      lookup('getStepById', 'getStepById(id)'),
      {
        name: '`checklistForRound(r)`, rounds 2–50',
        measured: rate(nsPerOp.checklistForRound),
        baseline: `${rate(nsPerOp['checklist-recompute'])} (recomputed per call)`,
        ratio: `${format(nsPerOp['checklist-recompute'] / nsPerOp.checklistForRound, 0)}× faster`,
        goal: '≥ 50 M ops/s',
        met: 1e3 / nsPerOp.checklistForRound >= 50,
      },
      // No goal in the issue: these say what an app needs, once per page load
      // (migration) and once per render (a round's progress).
      {
        name: '`migrateProgress(record)`, 1,000 ids, 150 renamed or retired (synthetic history)',
        measured: `${format(nsPerOp.migrateProgress / 1e6, 3)} ms`,
        baseline: `${format(nsPerOp['migrate-bare'] / 1e6, 3)} ms (bare \`Set\`/\`Map\` operations)`,
        ratio: `${format(nsPerOp.migrateProgress / nsPerOp['migrate-bare'])}×`,
        goal: '≤ 5 ms (once per page load)',
        met: nsPerOp.migrateProgress / 1e6 <= 5,
      },
      {
        name: '`progressForRound(checked, r)`, half of each round ticked, rounds 2–50',
        measured: rate(nsPerOp.progressForRound),
        baseline: `${rate(nsPerOp['progress-bare'])} (bare \`Set\` of ids, \`has\` per item)`,
        ratio: `${format(nsPerOp.progressForRound / nsPerOp['progress-bare'])}×`,
        goal: '≥ 100 k ops/s (every render)',
        met: 1e3 / nsPerOp.progressForRound >= 0.1,
      },
    ],
    nsPerOp,
  }
}
