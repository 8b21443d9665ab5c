// The bin's `check`, as editors use it: how long a cold `check` of the
// shipped content takes (every locale, spelling included), and how soon
// `check --watch` prints its first verdict and a new one after a save.
import {spawn} from 'node:child_process'
import {cp, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {type Figure, ROOT, format, median, timeProcess} from '../measure.js'

const BIN = path.join(ROOT, 'dist/cli.js')

/**
 * Save-to-output of `check --watch` on a copy of the shipped content: the
 * time from the write of a step file (alternately breaking and repairing
 * it) to the moment the watch's closing line for that save reaches us.
 */
async function measureWatch(saves: number): Promise<{first: number; saves: number[]}> {
  const folder = await mkdtemp(path.join(tmpdir(), 'ace-bench-watch-'))
  await cp(path.join(ROOT, 'content'), path.join(folder, 'content'), {recursive: true})
  const spawned = process.hrtime.bigint()
  const child = spawn(process.execPath, [BIN, 'check', '--watch', 'content'], {cwd: folder, env: {...process.env, NO_COLOR: '1'}, stdio: ['ignore', 'pipe', 'pipe']})
  try {
    const steps = path.join(folder, 'content/steps')
    const file = path.join(steps, (await readdir(steps)).sort()[0]!)
    const clean = await readFile(file, 'utf8')
    const broken = clean.replace(/\{#/, '{#Not_An_Id ')
    let out = ''
    let waiter: (() => void) | undefined
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      waiter?.()
    })
    // The closing line of a run that began after `offset`.
    const ended = async (offset: number): Promise<void> =>
      new Promise((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error(`bench: no watch verdict within 30 s:\n${out}`)), 30_000)
        waiter = () => {
          const later = out.slice(offset)
          const begin = later.indexOf('check --watch: checking ')
          if (begin !== -1 && later.indexOf('\ncheck --watch: done ', begin) !== -1) {
            clearTimeout(timeout)
            waiter = undefined
            resolve()
          }
        }
        waiter()
      })
    await ended(0)
    const first = Number(process.hrtime.bigint() - spawned) / 1e6
    const samples: number[] = []
    for (let save = 0; save < saves; save++) {
      await new Promise((resolve) => setTimeout(resolve, 150)) // quiet between saves
      const offset = out.length
      const start = process.hrtime.bigint()
      await writeFile(file, save % 2 === 0 ? broken : clean)
      await ended(offset)
      samples.push(Number(process.hrtime.bigint() - start) / 1e6)
    }
    return {first, saves: samples}
  } finally {
    child.kill()
    await rm(folder, {recursive: true, force: true})
  }
}

/**
 * Measure cold `check` and the watch.
 *
 * @param runs Saves for the watch (and at most 11 cold `check` processes).
 * @param nodeMs The median of `node -e 0` in this run, the baseline.
 * @returns Cold `check`, the watch's first verdict and save to verdict.
 */
export async function measureCheck(runs: number, nodeMs: number): Promise<Figure[]> {
  const watches = [await measureWatch(runs)]
  while (watches.length < Math.min(runs, 5)) watches.push(await measureWatch(0))
  const saves = watches[0]!.saves
  const folder = await mkdtemp(path.join(tmpdir(), 'ace-bench-check-'))
  let oneOff: number[]
  try {
    await cp(path.join(ROOT, 'content'), path.join(folder, 'content'), {recursive: true})
    oneOff = Array.from({length: Math.min(runs, 11)}, () => timeProcess(process.execPath, [BIN, 'check'], folder))
  } finally {
    await rm(folder, {recursive: true, force: true})
  }
  const saveToOutput = median(saves)
  const oneOffCheck = median(oneOff)
  const nodeBaseline = `${format(nodeMs, 1)} ms (\`node -e 0\`)`
  const seconds = (name: string, ms: number): Figure => ({
    name,
    measured: `${format(ms / 1000, 2)} s`,
    baseline: nodeBaseline,
    ratio: `${format(ms / nodeMs, 1)}×`,
    goal: '≤ 1.5 s',
    met: ms <= 1500,
  })
  return [
    seconds('cold `check` of the shipped content (every locale, spelling included)', oneOffCheck),
    seconds('`check --watch`: first verdict (shipped content)', median(watches.map((watch) => watch.first))),
    {
      name: '`check --watch`: save to new verdict (shipped content)',
      measured: `${format(saveToOutput, 1)} ms`,
      baseline: `${format(oneOffCheck, 1)} ms (one-off \`check\` process)`,
      ratio: `${format(saveToOutput / oneOffCheck, 3)}×`,
      goal: '≤ 150 ms',
      met: saveToOutput <= 150,
    },
  ]
}
