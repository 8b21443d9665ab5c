// The build pipeline on synthetic guides of growing size against bare
// remark-parse of the same files: time and growth (peak memory in the report). Every run is
// a fresh process (workers/pipeline.ts), so each is one cold build, as
// `npm run build` is, and its peak RSS is its own.
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {ROOT} from '../consumer.js'
import {type Figure, format} from '../figure.js'
import {TSX_IMPORT, nodeJson} from '../spawn.js'
import {growthExponent, median} from '../stats.js'
import {writeSyntheticContent} from '../synthetic.js'

const WORKER = path.join(ROOT, 'bench/workers/pipeline.ts')

/** Sizes in steps, and fresh processes per variant at that size. */
const SIZES: ReadonlyArray<{readonly steps: number; readonly runs: number}> = [
  {steps: 6, runs: 11},
  {steps: 60, runs: 9},
  {steps: 600, runs: 5},
  {steps: 6000, runs: 3},
]

/** Sizes at which the one-text parse (the quadratic case) is re-measured. */
const ONE_TEXT_SIZES = [60, 600]

/** One size's medians. */
export interface SizeRow {
  readonly steps: number
  readonly runs: number
  readonly buildMs: number
  readonly parseMs: number
  readonly buildRss: number
  readonly parseRss: number
}

/** What {@link measurePipeline} found. */
export interface PipelineResult {
  readonly figures: Figure[]
  readonly rows: readonly SizeRow[]
  /** Bare parse of all steps as one text: `[steps, ms]`. */
  readonly oneText: ReadonlyArray<readonly [number, number]>
  readonly buildExponent: number
  readonly parseExponent: number
}

interface Sample {
  readonly ms: number
  readonly maxRssBytes: number
}

/**
 * Measure build and bare parse at every size.
 *
 * @param maxRuns Cap on the processes per variant and size (`--quick`).
 * @param log Progress lines.
 * @returns The figures and the per-size medians.
 */
export async function measurePipeline(maxRuns: number, log: (line: string) => void): Promise<PipelineResult> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'ace-bench-pipeline-'))
  try {
    const rows: SizeRow[] = []
    const oneText: Array<[number, number]> = []
    for (const size of SIZES) {
      const {steps} = size
      const runs = Math.min(size.runs, maxRuns)
      const content = await writeSyntheticContent(path.join(scratch, String(steps)), steps)
      const build: Sample[] = []
      const parse: Sample[] = []
      for (let run = 0; run < runs; run++) {
        build.push(nodeJson<Sample>([...TSX_IMPORT, WORKER, 'build', content], ROOT))
        parse.push(nodeJson<Sample>([...TSX_IMPORT, WORKER, 'parse', content], ROOT))
      }
      const row: SizeRow = {
        steps,
        runs,
        buildMs: median(build.map((sample) => sample.ms)),
        parseMs: median(parse.map((sample) => sample.ms)),
        buildRss: median(build.map((sample) => sample.maxRssBytes)),
        parseRss: median(parse.map((sample) => sample.maxRssBytes)),
      }
      rows.push(row)
      log(`  ${steps} steps: build ${format(row.buildMs, 0)} ms, bare parse ${format(row.parseMs, 0)} ms`)
      if (ONE_TEXT_SIZES.includes(steps)) {
        const one = nodeJson<Sample>([...TSX_IMPORT, WORKER, 'parse-one', content], ROOT)
        oneText.push([steps, one.ms])
        log(`  ${steps} steps as one text: bare parse ${format(one.ms, 0)} ms`)
      }
      await rm(content, {recursive: true, force: true})
    }

    // At 6 steps fixed costs (first-call JIT, reading the folder) dominate, so
    // growth is fitted from 60 steps up.
    const grown = rows.filter((row) => row.steps >= 60)
    const buildExponent = growthExponent(grown.map((row) => [row.steps, row.buildMs]))
    const parseExponent = growthExponent(grown.map((row) => [row.steps, row.parseMs]))
    const figures: Figure[] = rows.map((row) => ({
      name: `build pipeline, ${format(row.steps, 0)} steps`,
      measured: `${format(row.buildMs, 0)} ms`,
      baseline: `${format(row.parseMs, 0)} ms (bare parse)`,
      ratio: `${format(row.buildMs / row.parseMs)}×`,
      goal: '≤ 1.5×',
      met: row.buildMs / row.parseMs <= 1.5,
    }))
    figures.push({
      name: `build growth exponent (${grown.map((row) => format(row.steps, 0)).join(', ')} steps)`,
      measured: format(buildExponent),
      baseline: `${format(parseExponent)} (bare parse)`,
      ratio: '',
      goal: '≤ 1.1',
      met: buildExponent <= 1.1,
    })
    return {figures, rows, oneText, buildExponent, parseExponent}
  } finally {
    await rm(scratch, {recursive: true, force: true})
  }
}
