// BENCHMARKS.md as \`npm run bench\` writes it: a lost figure or hand-written
// note would send its reader after the wrong cost.
import {describe, expect, it} from 'vitest'
import {keptNotes, renderBenchmarks} from '../bench/report.js'

describe('renderBenchmarks', () => {
  const figures = [
    {name: 'install', measured: '3,300 kB', baseline: '630 kB', ratio: '5.2×', goal: '≤ 600 kB', met: false},
    {name: 'cold `check`', measured: '1.20 s', baseline: '90 ms', ratio: '13.3×', goal: '≤ 1.5 s', met: true},
    {name: '`npm test`', measured: 'not run (`--quick`)', baseline: '', ratio: '', goal: '≤ 60 s', met: undefined},
  ]
  const run = {startedAt: new Date('2026-12-01T10:00:00Z'), seconds: 200, loadBefore: [0.5, 1, 1.5], quick: true, figures}
  const notes = 'The install misses its goal:\n- the check entry is 1 MB.'

  it('writes one row per figure with its verdict', () => {
    const text = renderBenchmarks(run, notes)
    expect(text).toContain('| install | 3,300 kB | 630 kB | 5.2× | ≤ 600 kB | **missed** |')
    expect(text).toContain('| cold `check` | 1.20 s | 90 ms | 13.3× | ≤ 1.5 s | met |')
    expect(text).toContain('| `npm test` | not run (`--quick`) |  |  | ≤ 60 s | not measured |')
  })

  it('says a quick run is one', () => {
    expect(renderBenchmarks(run, notes)).toContain('`npm run bench -- --quick` (few samples')
    expect(renderBenchmarks({...run, quick: false}, notes)).not.toContain('--quick` (few samples')
  })

  it('keeps the hand-written notes through a rewrite', () => {
    const first = renderBenchmarks(run, notes)
    expect(keptNotes(first).trim()).toBe(notes)
    expect(renderBenchmarks({...run, seconds: 300}, keptNotes(first))).toContain(notes)
  })

  it('starts a file without notes with a placeholder', () => {
    expect(keptNotes('')).toBe('No notes yet.')
    expect(keptNotes('# Benchmarks\n\nno markers')).toBe('No notes yet.')
  })
})
