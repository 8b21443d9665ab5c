// Loading the package in process (import or require, then a first getStep),
// against a plain package that exports the same guide as a frozen object
// literal, loaded the same way: the fastest a module holding this data can
// load, since it has the same bytes to compile and nothing to derive. Each
// sample is a fresh child that times only the load, so Node's own start-up is
// left out. Samples come in pairs, package and baseline back to back, their
// order alternating; the ratio is the median of the pairs' ratios, which
// drift in the machine's load barely moves (unpaired medians swung from
// 0.98× to 1.48× on this shared machine).
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {type Figure, format} from '../figure.js'
import {nodeJson} from '../spawn.js'
import {median} from '../stats.js'

const TIMER = 'const t0 = process.hrtime.bigint();'
// The clock stops before `process.stdout` is touched: its first use builds
// the stream, which costs milliseconds.
const PRINT = 'const ms = Number(process.hrtime.bigint() - t0) / 1e6; process.stdout.write(JSON.stringify(ms));'

/** The baseline package's name in the consumer's node_modules. */
const PLAIN = 'plain-guide'

const SCRIPTS = {
  'package.mjs': `${TIMER} const {getStep} = await import('ace-second-interview'); getStep(1); ${PRINT}`,
  'package.cjs': `${TIMER} const {getStep} = require('ace-second-interview'); getStep(1); ${PRINT}`,
  'plain.mjs': `${TIMER} const {getStep} = await import('${PLAIN}'); getStep(1); ${PRINT}`,
  'plain.cjs': `${TIMER} const {getStep} = require('${PLAIN}'); getStep(1); ${PRINT}`,
} as const

// A deep freeze and an index lookup: what any module exporting frozen data does.
const FREEZE = 'function freeze(value) { Object.freeze(value); for (const key of Object.keys(value)) { const inner = value[key]; if (typeof inner === "object" && inner !== null && !Object.isFrozen(inner)) freeze(inner) } return value }'

/**
 * Write the baseline: a package with an `exports` map like ours (so it pays
 * the same resolution), whose two files hold the guide as an object literal.
 *
 * @param consumer The consumer project.
 * @param guide The guide, as the package exports it.
 */
async function writePlainPackage(consumer: string, guide: unknown): Promise<void> {
  const folder = path.join(consumer, 'node_modules', PLAIN)
  await mkdir(folder, {recursive: true})
  const literal = JSON.stringify(guide)
  const manifest = {name: PLAIN, version: '1.0.0', type: 'module', exports: {'.': {import: './index.js', require: './index.cjs'}}}
  await writeFile(path.join(folder, 'package.json'), JSON.stringify(manifest))
  await writeFile(path.join(folder, 'index.cjs'), `'use strict'\n${FREEZE}\nconst guide = freeze(${literal})\nexports.guide = guide\nexports.getStep = (n) => guide.steps[n - 1]\n`)
  await writeFile(path.join(folder, 'index.js'), `${FREEZE}\nexport const guide = freeze(${literal})\nexport const getStep = (n) => guide.steps[n - 1]\n`)
}

/** Per-pair ratios and both medians, for one module system. */
interface Paired {
  readonly ratio: number
  readonly measured: number
  readonly baseline: number
}

function paired(consumer: string, ours: string, plain: string, pairs: number): Paired {
  const ratios: number[] = []
  const a: number[] = []
  const b: number[] = []
  const time = (script: string): number => nodeJson<number>(['--no-warnings', script], consumer)
  time(ours) // warms the file cache
  time(plain)
  for (let pair = 0; pair < pairs; pair++) {
    // Alternate which goes first, so neither always runs on a warmer machine.
    let x: number
    let y: number
    if (pair % 2 === 0) {
      x = time(ours)
      y = time(plain)
    } else {
      y = time(plain)
      x = time(ours)
    }
    a.push(x)
    b.push(y)
    ratios.push(x / y)
  }
  return {ratio: median(ratios), measured: median(a), baseline: median(b)}
}

/**
 * Measure in-process load time of the package against the plain-module baseline.
 *
 * @param consumer A project made by `makeConsumer` (holds `guide.json`).
 * @param pairs Pairs of fresh processes per module system (41 by default in `npm run bench`).
 * @param guide The guide the package exports (the baseline holds the same).
 * @returns One figure each for `import` and `require`.
 */
export async function measureLoad(consumer: string, pairs: number, guide: unknown): Promise<Figure[]> {
  for (const [name, text] of Object.entries(SCRIPTS)) await writeFile(path.join(consumer, name), `${text}\n`)
  await writePlainPackage(consumer, guide)
  const row = (name: string, result: Paired, system: string): Figure => ({
    name,
    measured: `${format(result.measured, 3)} ms`,
    baseline: `${format(result.baseline, 3)} ms (plain ${system} module, same guide as a frozen literal)`,
    ratio: `${format(result.ratio, 3)}× (median of ${pairs} pairs)`,
    goal: '≤ 1.1×',
    met: result.ratio <= 1.1,
  })
  return [
    row('load in process: `import` + first `getStep`', paired(consumer, 'package.mjs', 'plain.mjs', pairs), 'ES'),
    row('load in process: `require` + first `getStep`', paired(consumer, 'package.cjs', 'plain.cjs', pairs), 'CommonJS'),
  ]
}
