// The contributor's whole verdict: wall time of `npm test` (build once, then
// every vitest project but `package` and `releases`), against `npm run test:content` (the editor's fast
// loop: the data-only build and the `content` project) timed in the same run,
// and the CPU time both used. The goal is an absolute one: at most 60 s on
// this 2-core machine. Minutes on a busy machine, so `--quick` skips it.
import {spawnSync} from 'node:child_process'
import {readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {cpus, loadavg} from 'node:os'
import {type Figure, format} from '../figure.js'
import {ROOT} from '../consumer.js'

/** The goal, in milliseconds. */
const GOAL_MS = 60_000

/** Wall and CPU time (user + system, of every child) of one command run to completion. */
interface Timing {
  readonly wallMs: number
  readonly cpuMs: number
}

function timeCommand(command: string, args: readonly string[]): Timing {
  // Measured with bash's `times`: the CPU of every process the command started.
  const script = `${[command, ...args].map((arg) => `'${arg}'`).join(' ')} >/dev/null; status=$?; times >&3; exit $status`
  const start = process.hrtime.bigint()
  const run = spawnSync('bash', ['-c', `${script}`], {cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 2 ** 20})
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${String(run.stderr).slice(-4000)}`)
  // `times` prints the shell's own line, then its children's: "0m1.234s 0m0.567s".
  const children = String(run.output[3] ?? '').trim().split('\n').at(-1) ?? ''
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(([, minutes, secs]) => Number(minutes) * 60 + Number(secs))
  return {wallMs, cpuMs: seconds.reduce((sum, value) => sum + value, 0) * 1000}
}

/** One test file's time in the run, from vitest's JSON report. */
export interface FileTime {
  readonly file: string
  readonly ms: number
  readonly tests: number
}

/** What {@link measureTestSuite} found. */
export interface TestSuiteResult {
  readonly figure: Figure
  /** Every file of the (median) `npm test` run, slowest first; empty when not run. */
  readonly files: readonly FileTime[]
  /** From the first file's start to the last file's end, in ms; undefined when not run. */
  readonly vitestWallMs: number | undefined
}

/** vitest's JSON report, as far as it is read here. */
interface JsonReport {
  readonly testResults: ReadonlyArray<{readonly name: string; readonly startTime: number; readonly endTime: number; readonly assertionResults: readonly unknown[]}>
}

/**
 * Read the per-file times of the run that just ended (the project's vitest
 * config writes `test-results.json`; the next run overwrites it).
 *
 * @param since When the run began (ms since the epoch): an older report is not this run's.
 * @returns The files, slowest first, and the span from the first start to the last end.
 * @throws {Error} When the report is older than the run or lists no file.
 */
function readFileTimes(since: number): {files: FileTime[]; wallMs: number} {
  const file = path.join(ROOT, 'test-results.json')
  const written = statSync(file).mtimeMs
  if (written < since) throw new Error(`measureTestSuite: expected npm test to write ${file}, found one from before the run (${new Date(written).toISOString()}); is the json reporter still in vitest.config.ts?`)
  const report = JSON.parse(readFileSync(file, 'utf8')) as JsonReport
  if (report.testResults.length === 0) throw new Error(`measureTestSuite: expected ${file} to list the test files, received none`)
  const files = report.testResults
    .map((result) => ({file: path.relative(ROOT, result.name), ms: result.endTime - result.startTime, tests: result.assertionResults.length}))
    .sort((a, b) => b.ms - a.ms)
  const starts = report.testResults.map((result) => result.startTime)
  const ends = report.testResults.map((result) => result.endTime)
  return {files, wallMs: Math.max(...ends) - Math.min(...starts)}
}

/**
 * Time `npm test` and `npm run test:content`, interleaved, each run to
 * completion in the project root, and keep each file's time from the
 * `npm test` run (the profile of what the suite spends its time on).
 *
 * @param samples Runs of each; the median wall time is reported.
 * @returns One figure, or a "not measured" one when `samples` is 0 (`--quick`), and the file times.
 * @throws {Error} When either command fails (a failing test fails the bench).
 * @example
 *   const {figure, files} = measureTestSuite(1)
 */
export function measureTestSuite(samples: number): TestSuiteResult {
  const name = '`npm test` wall time (build once, every test but `test:package` and `test:releases`)'
  if (samples === 0) return {figure: {name, measured: 'not run (`--quick`)', baseline: '', ratio: '', goal: '≤ 60 s', met: undefined}, files: [], vitestWallMs: undefined}
  const suite: Array<Timing & {readonly files: FileTime[]; readonly vitestWallMs: number}> = []
  const loop: Timing[] = []
  const load = loadavg()[0]!
  for (let sample = 0; sample < samples; sample++) {
    const since = Date.now()
    const timing = timeCommand('npm', ['test'])
    const {files, wallMs} = readFileTimes(since)
    suite.push({...timing, files, vitestWallMs: wallMs})
    loop.push(timeCommand('npm', ['run', 'test:content']))
  }
  const middle = <T extends Timing>(timings: T[]): T => [...timings].sort((a, b) => a.wallMs - b.wallMs)[Math.floor((timings.length - 1) / 2)]!
  const measured = middle(suite)
  const baseline = middle(loop)
  const figure: Figure = {
    name,
    measured: `${format(measured.wallMs / 1000, 1)} s (CPU ${format(measured.cpuMs / 1000, 0)} s on ${cpus().length} cores, load ${format(load, 1)})`,
    baseline: `${format(baseline.wallMs / 1000, 1)} s (\`npm run test:content\`; CPU ${format(baseline.cpuMs / 1000, 0)} s)`,
    ratio: `${format(measured.wallMs / baseline.wallMs)}×`,
    goal: '≤ 60 s',
    met: measured.wallMs <= GOAL_MS,
  }
  return {figure, files: measured.files, vitestWallMs: measured.vitestWallMs}
}
