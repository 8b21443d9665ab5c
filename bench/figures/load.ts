// Loading the package in process (import or require, then a first getStep),
// against loading the same data as plain JSON the same way. Each sample is a
// fresh child that times only the load, so Node's own start-up is left out.
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {type Figure, format} from '../figure.js'
import {nodeJson} from '../spawn.js'
import {median} from '../stats.js'

const TIMER = 'const t0 = process.hrtime.bigint();'
// The clock stops before `process.stdout` is touched: its first use builds
// the stream, which costs milliseconds.
const PRINT = 'const ms = Number(process.hrtime.bigint() - t0) / 1e6; process.stdout.write(JSON.stringify(ms));'

const SCRIPTS = {
  'package.mjs': `${TIMER} const {getStep} = await import('ace-second-interview'); getStep(1); ${PRINT}`,
  'package.cjs': `${TIMER} const {getStep} = require('ace-second-interview'); getStep(1); ${PRINT}`,
  'json.mjs': `${TIMER} const {default: guide} = await import('./guide.json', {with: {type: 'json'}}); guide.steps[0]; ${PRINT}`,
  'json.cjs': `${TIMER} const guide = require('./guide.json'); guide.steps[0]; ${PRINT}`,
} as const

/**
 * Measure in-process load time of the package and of the JSON baseline.
 *
 * @param consumer A project made by `makeConsumer`.
 * @param runs Fresh processes per variant.
 * @returns One figure each for `import` and `require`.
 */
export async function measureLoad(consumer: string, runs: number): Promise<Figure[]> {
  for (const [name, text] of Object.entries(SCRIPTS)) await writeFile(path.join(consumer, name), `${text}\n`)
  const samples: Record<string, number[]> = {}
  for (let run = 0; run < runs; run++) {
    // Interleaved, so drift in the machine's load hits every variant alike.
    for (const name of Object.keys(SCRIPTS)) {
      ;(samples[name] ??= []).push(nodeJson<number>(['--no-warnings', name], consumer))
    }
  }
  const m = (name: keyof typeof SCRIPTS): number => median(samples[name] ?? [])
  return [
    {name: 'load in process: `import` + first `getStep`', measured: `${format(m('package.mjs'), 3)} ms`, baseline: `${format(m('json.mjs'), 3)} ms (JSON \`import\`)`, ratio: `${format(m('package.mjs') / m('json.mjs'))}×`, goal: '≤ 1 ms', met: m('package.mjs') <= 1},
    {name: 'load in process: `require` + first `getStep`', measured: `${format(m('package.cjs'), 3)} ms`, baseline: `${format(m('json.cjs'), 3)} ms (JSON \`require\`)`, ratio: `${format(m('package.cjs') / m('json.cjs'))}×`, goal: '≤ 1 ms', met: m('package.cjs') <= 1},
  ]
}
