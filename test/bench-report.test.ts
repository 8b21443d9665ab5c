// BENCHMARKS.md as \`npm run bench\` writes it: a lost figure or hand-written
// note would send its reader after the wrong cost.
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {FIGURES_END, FIGURES_START, withFigures} from '../bench/report.js'
import {ROOT} from './helpers.js'

describe('withFigures', () => {
  const figures = [
    {name: 'install', measured: '3,300 kB', baseline: '630 kB', ratio: '5.2×', goal: '≤ 600 kB', met: false},
    {name: 'cold `check`', measured: '1.20 s', baseline: '90 ms', ratio: '13.3×', goal: '≤ 1.5 s', met: true},
    {name: '`npm test`', measured: 'not run (`--quick`)', baseline: '', ratio: '', goal: '≤ 60 s', met: undefined},
  ]
  const run = {startedAt: new Date('2026-12-01T10:00:00Z'), seconds: 200, loadBefore: [0.5, 1, 1.5], quick: true, figures}
  const file = `# Benchmarks\n\nWhy.\n\n${FIGURES_START}\nold figures\n${FIGURES_END}\n\n## Notes\n\nThe install misses its goal:\n- the check entry is 1 MB.\n`

  it('writes one row per figure with its verdict', () => {
    const text = withFigures(file, run)
    expect(text).toContain('| install | 3,300 kB | 630 kB | 5.2× | ≤ 600 kB | **missed** |')
    expect(text).toContain('| cold `check` | 1.20 s | 90 ms | 13.3× | ≤ 1.5 s | met |')
    expect(text).toContain('| `npm test` | not run (`--quick`) |  |  | ≤ 60 s | not measured |')
  })

  it('says a quick run is one', () => {
    expect(withFigures(file, run)).toContain('`npm run bench -- --quick` (few samples')
    expect(withFigures(file, {...run, quick: false})).not.toContain('--quick` (few samples')
  })

  it('replaces the last figures and keeps the text around them, through a second rewrite too', () => {
    const first = withFigures(file, run)
    expect(first).not.toContain('old figures')
    const [before, after] = file.split(`${FIGURES_START}\nold figures\n${FIGURES_END}`)
    for (const text of [first, withFigures(first, {...run, seconds: 300})]) {
      expect(text.startsWith(`${before}${FIGURES_START}\n`)).toBe(true)
      expect(text.endsWith(`${FIGURES_END}${after}`)).toBe(true)
    }
    expect(withFigures(first, run)).toBe(first)
  })

  it('refuses a file without the markers rather than drop its text', () => {
    expect(() => withFigures('# Benchmarks\n\nno markers', run)).toThrow(/expected BENCHMARKS\.md to hold the figures between/)
  })

  it('finds the markers in BENCHMARKS.md', async () => {
    const text = await readFile(path.join(ROOT, 'BENCHMARKS.md'), 'utf8')
    expect(withFigures(text, run)).toContain('| install | 3,300 kB |')
  })
})
