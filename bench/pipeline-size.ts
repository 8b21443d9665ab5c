// One size of the build-pipeline figure, for working on the build: the same
// worker and the same baseline as `npm run bench` (bench/figures/pipeline.ts),
// at one number of steps, alternating build and bare parse in fresh processes.
//   node --import tsx bench/pipeline-size.ts <steps> [runs]
// The synthetic content is written once to $TMPDIR/ace-bench-pipeline-<steps>
// and reused (delete it to start over). Prints each sample, then the medians
// and their ratios; it decides nothing (the figure's goals are in
// bench/figures/pipeline.ts).
import {existsSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {ROOT} from './consumer.js'
import {format} from './figure.js'
import {TSX_IMPORT, nodeJson} from './spawn.js'
import {median} from './stats.js'
import {writeSyntheticContent} from './synthetic.js'

interface Sample {
  readonly ms: number
  readonly maxRssBytes: number
}

const WORKER = path.join(ROOT, 'bench/workers/pipeline.ts')
const MIB = 1024 ** 2
const [stepsArgument = '', runsArgument = '1'] = process.argv.slice(2)
const steps = Number(stepsArgument)
const runs = Number(runsArgument)
if (!Number.isInteger(steps) || steps < 1 || !Number.isInteger(runs) || runs < 1) {
  throw new Error(`pipeline-size: expected <steps> [runs], two positive integers, received ${JSON.stringify(process.argv.slice(2))}`)
}

const content = path.join(tmpdir(), `ace-bench-pipeline-${steps}`)
// The last step file is written last: its presence means the folder is whole.
if (!existsSync(path.join(content, 'steps', `${String(steps).padStart(Math.max(2, String(steps).length), '0')}-step-${steps}.md`))) {
  await writeSyntheticContent(content, steps)
}
const build: Sample[] = []
const parse: Sample[] = []
for (let run = 0; run < runs; run++) {
  for (const [mode, samples] of [['build', build], ['parse', parse]] as const) {
    const sample = nodeJson<Sample>([...TSX_IMPORT, WORKER, mode, content], ROOT)
    samples.push(sample)
    process.stdout.write(`${mode}: ${format(sample.ms, 0)} ms, peak RSS ${format(sample.maxRssBytes / MIB, 0)} MiB\n`)
  }
}
const ms = [median(build.map((sample) => sample.ms)), median(parse.map((sample) => sample.ms))] as const
const rss = [median(build.map((sample) => sample.maxRssBytes)), median(parse.map((sample) => sample.maxRssBytes))] as const
process.stdout.write(
  `${format(steps, 0)} steps, ${runs} run(s): build ${format(ms[0], 0)} ms vs bare parse ${format(ms[1], 0)} ms (${format(ms[0] / ms[1])}×); ` +
    `peak RSS ${format(rss[0] / MIB, 0)} MiB vs ${format(rss[1] / MIB, 0)} MiB (${format(rss[0] / rss[1])}×)\n`,
)
