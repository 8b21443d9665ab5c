// `npm run build` of the shipped content, wall time, against `node -e 0`
// measured in the same run (interleaved, paired). Each build writes to a
// scratch out dir, so dist/ is left alone; one build's `--profile` gives the
// phases, for the notes (what dominates).
import {spawnSync} from 'node:child_process'
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {ROOT} from '../consumer.js'
import {type Figure, format} from '../figure.js'
import {timeProcess} from '../spawn.js'
import {median} from '../stats.js'

/** The goal: `npm run build` of the shipped content, in seconds. */
const GOAL_SECONDS = 10

/** What {@link measureBuild} found. */
export interface BuildResult {
  readonly figures: Figure[]
  /** One build's `--profile` lines: each phase's wall time. */
  readonly profile: readonly string[]
}

/**
 * Time the build, interleaved with `node -e 0`.
 *
 * @param runs Samples of each.
 * @returns The figures and a cold build's phases.
 */
export async function measureBuild(runs: number): Promise<BuildResult> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'ace-bench-build-'))
  try {
    const out = path.join(scratch, 'dist')
    // As `npm run build` runs it (tsx scripts/build.ts), minus npm's own start-up.
    const command = ['--import', 'tsx', 'scripts/build.ts', '--out-dir', out]
    const build = (): number => timeProcess(process.execPath, command, ROOT)
    const baseline = (): number => timeProcess(process.execPath, ['-e', '0'], ROOT)
    const samples = {baseline: [] as number[], build: [] as number[]}
    for (let run = 0; run < runs; run++) {
      samples.baseline.push(baseline())
      samples.build.push(build())
    }
    const profiled = spawnSync(process.execPath, [...command, '--profile'], {cwd: ROOT, encoding: 'utf8'})
    const profile = profiled.stderr.split('\n').filter((line) => line.startsWith('build-profile:')).map((line) => line.slice('build-profile: '.length))
    const base = median(samples.baseline)
    const row = (name: string, values: number[]): Figure => ({
      name,
      measured: `${format(median(values) / 1000, 2)} s`,
      baseline: `${format(base, 1)} ms (\`node -e 0\`)`,
      ratio: `${format(median(values.map((value, run) => value / (samples.baseline[run] as number))), 1)}× (median of ${runs} pairs)`,
      goal: `≤ ${format(GOAL_SECONDS, 0)} s`,
      met: median(values) <= GOAL_SECONDS * 1000,
    })
    return {
      figures: [row('`npm run build` (every build is a whole one)', samples.build)],
      profile,
    }
  } finally {
    await rm(scratch, {recursive: true, force: true})
  }
}
