// The spelling cost per locale: the spelling and repeated-words rules on the
// shipped content of each locale, against the other document rules on the
// same parsed files (parsing is the same either way), each locale in fresh
// processes. The first run loads Hunspell and the dictionary (once per
// process); later runs are what each `check --watch` save pays.
import {existsSync} from 'node:fs'
import {readdir} from 'node:fs/promises'
import path from 'node:path'
import {ROOT} from '../consumer.js'
import {type Figure, format} from '../figure.js'
import {TSX_IMPORT, nodeJson} from '../spawn.js'
import {median} from '../stats.js'

const WORKER = path.join(ROOT, 'bench/workers/spelling.ts')

/** The `check --watch` goal: save to new verdict. */
const WATCH_MS = 150

interface Sample {
  readonly withoutMs: number
  readonly firstMs: number
  readonly laterMs: number
  readonly loads: number
}

/**
 * Measure spelling in every locale the content has.
 *
 * @param runs Fresh processes per locale.
 * @param log Progress lines.
 * @returns Two figures per locale: the first run (dictionary load included)
 *   and a later run, each against the lint without spelling.
 */
export async function measureSpelling(runs: number, log: (line: string) => void): Promise<Figure[]> {
  const translations = await readdir(path.join(ROOT, 'content/locales'), {withFileTypes: true}).catch(() => [])
  const locales = [
    {tag: 'en-GB', folder: path.join(ROOT, 'content')},
    // A translation folder holding only its word list is no translation yet.
    ...translations
      .filter((entry) => entry.isDirectory() && existsSync(path.join(ROOT, 'content/locales', entry.name, 'guide.md')))
      .map((entry) => ({tag: entry.name, folder: path.join(ROOT, 'content/locales', entry.name)})),
  ]
  const figures: Figure[] = []
  for (const {tag, folder} of locales) {
    const samples = Array.from({length: runs}, () => nodeJson<Sample>([...TSX_IMPORT, WORKER, folder, tag], ROOT))
    const without = median(samples.map((sample) => sample.withoutMs))
    const first = median(samples.map((sample) => sample.firstMs))
    const later = median(samples.map((sample) => sample.laterMs))
    const once = samples.every((sample) => sample.loads === 1)
    log(`  ${tag}: first ${format(first, 0)} ms, later ${format(later, 1)} ms, lint without spelling ${format(without, 1)} ms`)
    figures.push(
      {
        name: `spelling, ${tag}: first check in a process (dictionary load included)`,
        measured: `${format(first, 0)} ms`,
        baseline: `${format(without, 1)} ms (the document rules without spelling)`,
        ratio: `${format(first / without, 1)}×`,
        goal: 'dictionary loaded once per process, only for a locale checked',
        met: once,
      },
      {
        name: `spelling, ${tag}: each later check (\`check --watch\`)`,
        measured: `${format(later, 1)} ms`,
        baseline: `${format(without, 1)} ms (the document rules without spelling)`,
        ratio: `${format(later / without)}×`,
        goal: `≤ ${WATCH_MS} ms with the rest of a watch run`,
        met: later + without <= WATCH_MS,
      },
    )
  }
  return figures
}
