import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {createStyles, shouldUseColor} from '../cli/color.js'
import type {Io} from '../cli/command.js'
import {run} from '../cli/run.js'
import {ROOT} from './helpers.js'

/** Run the command line in-process, with a stdout that may claim to be a terminal. */
async function runWith(args: readonly string[], options: {isTTY?: boolean; env?: Record<string, string>} = {}) {
  let stdout = ''
  let stderr = ''
  const io: Io = {
    stdout: {write: (text: string) => (stdout += text), isTTY: options.isTTY},
    stderr: {write: (text: string) => (stderr += text), isTTY: options.isTTY},
    env: options.env ?? {},
    cwd: ROOT,
  }
  const status = await run(args, io)
  return {status, stdout, stderr}
}

const ESC = '\u001B['

describe('shouldUseColor', () => {
  it.each([
    {isTTY: true, env: {}, expected: true},
    {isTTY: true, env: {TERM: 'xterm-256color'}, expected: true},
    {isTTY: true, env: {NO_COLOR: '1'}, expected: false},
    {isTTY: true, env: {NO_COLOR: ''}, expected: false},
    {isTTY: true, env: {NO_COLOR: '0'}, expected: false},
    {isTTY: false, env: {}, expected: false},
    {isTTY: undefined, env: {}, expected: false},
    {isTTY: false, env: {NO_COLOR: '1'}, expected: false},
  ])('isTTY $isTTY, env $env → $expected', ({isTTY, env, expected}) => {
    expect(shouldUseColor({isTTY, env})).toBe(expected)
  })
})

describe('createStyles', () => {
  it('wraps text in ANSI bold and dim only when colour is on', () => {
    expect(createStyles(true).bold('x')).toBe(`${ESC}1mx${ESC}22m`)
    expect(createStyles(true).dim('x')).toBe(`${ESC}2mx${ESC}22m`)
    expect(createStyles(false).bold('x')).toBe('x')
    expect(createStyles(false).dim('x')).toBe('x')
  })
})

describe('run: colour reaches the output only on a terminal without NO_COLOR', () => {
  it.each([['steps'], ['step', '2'], ['checklist', '--round', '3']])('%s', async (...args) => {
    const terminal = await runWith(args, {isTTY: true})
    expect(terminal.status).toBe(0)
    expect(terminal.stdout).toContain(ESC)
    for (const quiet of [{isTTY: true, env: {NO_COLOR: ''}}, {isTTY: false}]) {
      const plain = await runWith(args, quiet)
      expect(plain.stdout).not.toContain(ESC)
      // The same words, only without the escapes.
      expect(plain.stdout).toBe(terminal.stdout.replace(/\u001B\[\d+m/g, ''))
    }
  })

  it.each([['markdown'], ['json']])('never colours --format %s, even on a terminal', async (format) => {
    const result = await runWith(['checklist', '--format', format], {isTTY: true})
    expect(result.status).toBe(0)
    expect(result.stdout).not.toContain(ESC)
  })
})

describe('run: any argument is either accepted or refused with exit 2', () => {
  // Outside input: whatever is typed, the bin answers 0 with output or 2 with a reason, never throws.
  it.each([['step'], ['checklist', '--round']])('%s <anything>', async (...prefix) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({unit: 'binary'}), fc.nat({max: 40}).map(String), fc.constantFrom('make-a-plan', '2', '02', '1e1', ' 3', 'x\ny', '\u001B[31mred')), async (value) => {
        const result = await runWith([...prefix, value])
        if (result.status === 0) {
          expect(result.stdout).not.toBe('')
          expect(result.stderr).toBe('')
        } else {
          expect(result.status).toBe(2)
          expect(result.stdout).toBe('')
          // One line of reason: the value is quoted, so even a newline in it cannot break the line.
          const [reason, blank, usage] = result.stderr.split('\n')
          expect(reason).toMatch(/^ace-second-interview (step|checklist): \S/)
          expect(blank).toBe('')
          expect(usage).toMatch(/^Usage: ace-second-interview (step|checklist) /)
        }
      }),
      {numRuns: 100},
    )
  })
})
