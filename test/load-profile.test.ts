// The load profile in `npm run bench` reads the clock at marks it puts into
// a copy of the bundle; a mark in the wrong place would blame the wrong module.
import {describe, expect, it} from 'vitest'
import {markStages} from '../bench/figures/load-profile.js'

describe('markStages', () => {
  it('marks each module comment and the exports, once each, before the line', () => {
    const bundle = ['// src/a.ts', 'var a = 1;', '// src/b.ts', 'var b = "exports.x";', '', 'exports.a = a;', 'exports.b = b;'].join('\n')
    const lines = markStages(bundle, 'exports.').split('\n')
    const marks = lines.flatMap((line, index) => (line.includes('__aceLoadMarks.push') ? [[index, /push\(\["([^"]+)"/.exec(line)![1]]] : []))
    expect(marks).toEqual([[0, 'src/a.ts'], [3, 'src/b.ts'], [7, '(exports)']])
    expect(lines.filter((line) => !line.includes('__aceLoadMarks'))).toEqual(bundle.split('\n'))
  })

  it('puts no exports mark when asked for none', () => {
    expect(markStages('// plain/index.cjs\nexports.a = 1', undefined)).not.toContain('(exports)')
  })

  it.each([
    ['no module comment', 'var a = 1;\nexports.a = a;', 'exports.'],
    ['no exports line', '// src/a.ts\nvar a = 1;', 'exports.'],
  ])('refuses a bundle with %s, naming what it expected', (_name, code, start) => {
    expect(() => markStages(code, start)).toThrow(/expected a bundle with "\/\/ src\/…" module comments/)
  })
})
