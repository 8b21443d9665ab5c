// The loops editors and contributors wait on, each run to completion in the
// project root and timed against a baseline run interleaved with it. Every
// goal is absolute, on this 2-core machine:
// - `npm test` (build once, then every test but the `package` and
//   `releases` projects') against `npm run test:content`: minutes on a busy machine,
//   so `--quick` skips it;
// - `npm run test:content` (the editor's fast loop: regenerate the data,
//   then the `content` project) against `npm run check:content` (the lint alone);
// - `npm run build` of the shipped content, as npm runs it (node --import
//   tsx scripts/build.ts) minus npm's own start-up, into a scratch folder so
//   dist/ is left alone, against `node -e 0`.
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {type Figure, ROOT, format, median, timeProcess} from '../measure.js'

/** A command, and how the table names it. */
type Command = readonly [label: string, command: string, ...args: string[]]

const TEST = ['`npm test`', 'npm', 'test'] as const satisfies Command
const TEST_CONTENT = ['`npm run test:content`', 'npm', 'run', 'test:content'] as const satisfies Command
const CHECK_CONTENT = ['`npm run check:content`', 'npm', 'run', 'check:content'] as const satisfies Command
const NODE = ['`node -e 0`', process.execPath, '-e', '0'] as const satisfies Command

/**
 * Time a command and its baseline, interleaved.
 *
 * @param name The figure's name.
 * @param measured The command measured.
 * @param baseline The command it is compared with.
 * @param samples Runs of each; the medians are reported.
 * @param goalSeconds The goal.
 * @returns One figure.
 * @throws {Error} When either command fails (content errors, a failing test).
 */
function timeLoop(name: string, measured: Command, baseline: Command, samples: number, goalSeconds: number): Figure {
  const runs = {measured: [] as number[], baseline: [] as number[]}
  const time = ([, command, ...args]: Command): number => timeProcess(command, args, ROOT)
  for (let sample = 0; sample < samples; sample++) {
    runs.measured.push(time(measured))
    runs.baseline.push(time(baseline))
  }
  const ms = median(runs.measured)
  const baseMs = median(runs.baseline)
  return {
    name,
    measured: `${format(ms / 1000, 1)} s`,
    baseline: `${format(baseMs / 1000, 2)} s (${baseline[0]})`,
    ratio: `${format(ms / baseMs)}×`,
    goal: `≤ ${goalSeconds} s`,
    met: ms <= goalSeconds * 1000,
  }
}

/**
 * Time `npm test`.
 *
 * @param samples Runs; 0 (`--quick`) gives a "not measured" figure.
 * @returns One figure.
 */
export function measureTestSuite(samples: number): Figure {
  const name = '`npm test` (build once, every test but `test:package` and `test:releases`)'
  if (samples === 0) return {name, measured: 'not run (`--quick`)', baseline: '', ratio: '', goal: '≤ 60 s', met: undefined}
  return timeLoop(name, TEST, TEST_CONTENT, samples, 60)
}

/**
 * Time the editor's fast loop and the build.
 *
 * @param samples Runs of each.
 * @returns `npm run test:content`, then `npm run build`.
 */
export async function measureLoops(samples: number): Promise<Figure[]> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'ace-bench-build-'))
  try {
    const build = ['`npm run build`', process.execPath, '--import', 'tsx', 'scripts/build.ts', '--out-dir', path.join(scratch, 'dist')] as const
    return [
      timeLoop('`npm run test:content` (the editor\'s fast loop)', TEST_CONTENT, CHECK_CONTENT, samples, 15),
      timeLoop('`npm run build` (every build is a whole one)', build, NODE, samples, 10),
    ]
  } finally {
    await rm(scratch, {recursive: true, force: true})
  }
}
