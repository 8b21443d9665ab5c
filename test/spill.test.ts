// A spill's writes may be short: writeSync returns how much it wrote, which
// can be less than it was given (a signal, a file-size limit). Here every
// write stops after 1,000 bytes, and nothing may be lost.
import {describe, expect, it, vi} from 'vitest'

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>()
  const SHORT = 1000
  return {
    ...real,
    writeSync: (fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]): number => {
      if (typeof data === 'string') return real.writeSync(fd, data.slice(0, SHORT))
      const [offset = 0, length = data.byteLength - (offset as number)] = rest as [number?, number?]
      return real.writeSync(fd, data, offset, Math.min(length, SHORT))
    },
  }
})

const {Spill} = await import('../pipeline/spill.js')

describe('Spill on disk, when each write is short', () => {
  it('reads back every line appended, in order', () => {
    const spill = new Spill(64)
    const lines = Array.from({length: 3000}, (_, index) => `{"number":${index},"text":"${'é'.repeat(index % 700)}"}`)
    for (const line of lines) spill.append(line)
    expect(spill.onDisk).toBe(true)
    expect(spill.read()).toEqual(lines)
  })
})
