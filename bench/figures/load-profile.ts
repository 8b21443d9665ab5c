// Where the in-process load goes: a profile, not a goal. A copy of the shipped
// `dist/index.cjs` (and `dist/index.js`) gets a clock reading before each
// bundled module's top level (esbuild marks each with a `// src/…` comment)
// and before its exports, and so does the plain frozen-literal baseline. Each
// sample is a fresh process that requires (or imports) the copy by path and
// calls `getStep(1)`, so the stages are: resolve, read and compile the file
// (up to the first mark), each module's top level, the exports, and the first
// call. Medians per stage, both variants interleaved.
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {ROOT} from '../consumer.js'
import {nodeJson} from '../spawn.js'
import {median} from '../stats.js'

/** The global the marked copies push `[stage, hrtime]` pairs onto. */
const MARKS = '__aceLoadMarks'

/** The stage after the load. */
const FIRST_CALL = 'first getStep(1)'

/** One stage of the load and its median time, ours against the plain module. */
export interface LoadStage {
  readonly stage: string
  /** Median microseconds in our package, or undefined when it has no such stage. */
  readonly oursUs: number | undefined
  /** Median microseconds in the plain module, or undefined when it has no such stage. */
  readonly plainUs: number | undefined
}

/** What {@link profileLoad} found, per module system. */
export interface LoadProfile {
  readonly system: 'CommonJS' | 'ES module'
  readonly bytes: {readonly ours: number; readonly plain: number}
  readonly stages: readonly LoadStage[]
  readonly samples: number
}

/**
 * Put a mark before each bundled module's top level and before the exports.
 *
 * @param code A bundle esbuild wrote (module comments `// src/…` at the start of a line).
 * @param exportsStart Where the exports begin (a line starting with this text); undefined for no mark there.
 * @returns The marked code.
 * @throws {Error} When the bundle has no module comment, or no line starts with `exportsStart`, since then the profile would say nothing.
 * @example
 *   markStages('// src/a.ts\nconst a = 1\nexport {a}', 'export ')
 */
export function markStages(code: string, exportsStart: string | undefined): string {
  const lines = code.split('\n')
  const mark = (stage: string): string => `globalThis.${MARKS}.push([${JSON.stringify(stage)}, process.hrtime.bigint()]);`
  const out: string[] = []
  let modules = 0
  let exportsMarked = false
  for (const line of lines) {
    const module = /^\/\/ (\S+\.[cm]?[jt]s)$/.exec(line)
    if (module !== null) {
      out.push(mark(module[1]!))
      modules++
    } else if (exportsStart !== undefined && !exportsMarked && line.startsWith(exportsStart)) {
      out.push(mark('(exports)'))
      exportsMarked = true
    }
    out.push(line)
  }
  if (modules === 0 || (exportsStart !== undefined && !exportsMarked)) throw new Error(`markStages: expected a bundle with "// src/…" module comments and a line starting with ${JSON.stringify(exportsStart)}, received one with ${modules} module comment(s)${exportsMarked ? '' : ' and no such line'}`)
  return out.join('\n')
}

/** The runner a sample executes: load the copy, call getStep(1), print the stage times. */
function runner(file: string, esm: boolean): string {
  const load = esm ? `await import(${JSON.stringify(pathToFileURL(file).href)})` : `require(${JSON.stringify(file)})`
  return [
    `globalThis.${MARKS} = []`,
    'const t0 = process.hrtime.bigint()',
    `const {getStep} = ${load}`,
    'const t1 = process.hrtime.bigint()',
    'getStep(1)',
    'const t2 = process.hrtime.bigint()',
    `const marks = globalThis.${MARKS}`,
    'const us = (a, b) => Number(b - a) / 1e3',
    "const stages = [['resolve, read and compile', us(t0, marks[0][1])]]",
    'for (let i = 0; i < marks.length; i++) stages.push([marks[i][0], us(marks[i][1], i + 1 < marks.length ? marks[i + 1][1] : t1)])',
    `stages.push([${JSON.stringify(FIRST_CALL)}, us(t1, t2)])`,
    'process.stdout.write(JSON.stringify(stages))',
  ].join('\n')
}

/**
 * Profile the load of `dist/index.cjs` and `dist/index.js` against the plain
 * frozen-literal package `measureLoad` wrote into the consumer.
 *
 * @param consumer A project made by `makeConsumer`, after `measureLoad` (which writes `node_modules/plain-guide`).
 * @param samples Fresh processes per variant and module system.
 * @returns One profile per module system.
 * @throws {Error} When a bundle cannot be marked (see {@link markStages}) or a sample fails.
 * @example
 *   const [cjs] = await profileLoad(consumer, 41)
 */
export async function profileLoad(consumer: string, samples: number): Promise<LoadProfile[]> {
  const folder = path.join(consumer, 'load-profile')
  await mkdir(folder, {recursive: true})
  const plainFolder = path.join(consumer, 'node_modules', 'plain-guide')
  const systems = [
    {system: 'CommonJS', esm: false, ours: path.join(ROOT, 'dist', 'index.cjs'), plain: path.join(plainFolder, 'index.cjs'), exportsStart: 'exports.', ext: 'cjs'},
    {system: 'ES module', esm: true, ours: path.join(ROOT, 'dist', 'index.js'), plain: path.join(plainFolder, 'index.js'), exportsStart: 'export ', ext: 'mjs'},
  ] as const
  const profiles: LoadProfile[] = []
  for (const {system, esm, ours, plain, exportsStart, ext} of systems) {
    const variants = [
      {name: 'ours', source: ours, marked: (code: string): string => markStages(code, exportsStart)},
      // The plain module is one module and one stage: give it a module comment.
      {name: 'plain', source: plain, marked: (code: string): string => markStages(`// plain-guide/index.${ext}\n${code}`, undefined)},
    ] as const
    const prepared: Array<{readonly runner: string; readonly bytes: number; readonly times: Map<string, number[]>}> = []
    for (const variant of variants) {
      const code = await readFile(variant.source, 'utf8')
      const copy = path.join(folder, `${variant.name}.${ext}`)
      await writeFile(copy, variant.marked(code))
      const runnerFile = path.join(folder, `run-${variant.name}.${ext}`)
      await writeFile(runnerFile, runner(copy, esm))
      prepared.push({runner: runnerFile, bytes: Buffer.byteLength(code), times: new Map()})
    }
    for (const {runner: file} of prepared) nodeJson<unknown>(['--no-warnings', file], folder) // warms the file cache
    for (let sample = 0; sample < samples; sample++) {
      // One sample of each, back to back; the order flips every other sample.
      for (const variant of sample % 2 === 0 ? prepared : [...prepared].reverse()) {
        for (const [stage, us] of nodeJson<Array<[string, number]>>(['--no-warnings', variant.runner], folder)) {
          const list = variant.times.get(stage) ?? []
          list.push(us)
          variant.times.set(stage, list)
        }
      }
    }
    const [mine, theirs] = prepared as [(typeof prepared)[0], (typeof prepared)[0]]
    // In load order: both modules' stages, then the first call.
    const stages = [...new Set([...mine.times.keys(), ...theirs.times.keys()])].sort((a, b) => Number(a === FIRST_CALL) - Number(b === FIRST_CALL))
    const medianOf = (times: number[] | undefined): number | undefined => (times === undefined ? undefined : median(times))
    profiles.push({
      system,
      bytes: {ours: mine.bytes, plain: theirs.bytes},
      samples,
      stages: stages.map((stage) => ({stage, oursUs: medianOf(mine.times.get(stage)), plainUs: medianOf(theirs.times.get(stage))})),
    })
  }
  return profiles
}
