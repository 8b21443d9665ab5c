// Throughput of getStep, getStepById and checklistForRound against their
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
    ],
    nsPerOp,
  }
}
