// The streaming build (one document at a time, cross-file rules on
// summaries) against the all-at-once build it replaced, on every fixture the
// lint tests use: the same diagnostics, in the same order once sorted by
// place, and the same guide, translations and render data.
import {cp, mkdtemp, readdir, rm, symlink, unlink} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildGuide, diagnostics} from '../pipeline/index.js'
import {lintContent} from '../pipeline/lint.js'
import {loadContent} from '../pipeline/load.js'
import {Spill} from '../pipeline/spill.js'
import {FIXTURES, VALID_LOCALE, brokenFixtures, materialize, materializeWith, validFile} from './fixture-content.js'

// Every message as the issue names it: file, line, column, rule, reason, severity.
async function build(contentDir: string, streaming: boolean) {
  const result = await buildGuide({contentDir, version: '0.0.0', cwd: contentDir, streaming})
  const found = diagnostics(result.files).map(({file, line, column, ruleId, reason, severity}) => ({file, line, column, ruleId, reason, severity}))
  // Each message's place as an app receives it from checkContent (cloned, as
  // postMessage or a worker would): the summaries' compact positions must not
  // leak into it.
  const places = result.files
    .flatMap((file) => file.messages.map((message) => JSON.stringify([file.path, message.ruleId, message.reason, structuredClone(message.place)])))
    .sort()
  return {found, places, guide: result.guide, render: result.render, locales: result.locales}
}

async function compare(directory: string): Promise<void> {
  const before = await build(directory, false)
  const after = await build(directory, true)
  expect(after.found).toEqual(before.found)
  expect(after.places).toEqual(before.places)
  expect(after.guide).toEqual(before.guide)
  expect(after.render).toEqual(before.render)
  expect(after.locales).toEqual(before.locales)
}

async function withValidLocale(): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), 'ace-streaming-'))
  await cp(path.join(FIXTURES, 'valid'), directory, {recursive: true})
  await cp(VALID_LOCALE, directory, {recursive: true})
  return directory
}

const fixtures = await brokenFixtures()

const STEP_5 = 'steps/05-say-thank-you.md'

// Content where several rules, cross-file ones among them, report in one run.
const CASES: ReadonlyArray<readonly [string, () => Promise<string>]> = [
  ['the valid fixture', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'ace-streaming-'))
    await cp(path.join(FIXTURES, 'valid'), directory, {recursive: true})
    return directory
  }],
  ['the valid fixture with its translation', withValidLocale],
  ['a step with a duplicate id, a bad placeholder and raw HTML together', async () => {
    const step = await validFile(STEP_5)
    const id = /^id: (.+)$/m.exec(await validFile('steps/04-show-your-colours.md'))?.[1] ?? ''
    return materializeWith({[STEP_5]: `${step.replace(/^id: .+$/m, `id: ${id}`)}\n<b>x</b> {nexxt}\n`})
  }],
]

describe('the streaming build', () => {
  it.each(CASES)('gives what the all-at-once build gives for %s', async (_name, make) => {
    const directory = await make()
    try {
      await compare(directory)
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })

  it('writes the render data as it goes and leaves no temporary file behind, read or not', async () => {
    const content = await mkdtemp(path.join(tmpdir(), 'ace-streaming-'))
    // A temporary folder of the test's own, so only this build's files are in it.
    const scratch = await mkdtemp(path.join(tmpdir(), 'ace-streaming-tmp-'))
    const before = process.env['TMPDIR']
    await cp(path.join(FIXTURES, 'valid'), content, {recursive: true})
    try {
      process.env['TMPDIR'] = scratch
      const unread = await buildGuide({contentDir: content, version: '0.0.0', cwd: content})
      expect(unread.guide).toBeDefined()
      expect(await readdir(scratch)).toEqual([])
      const read = await buildGuide({contentDir: content, version: '0.0.0', cwd: content})
      expect(read.render).toEqual((await buildGuide({contentDir: content, version: '0.0.0', cwd: content, streaming: false})).render)
      // Read once, kept: asking again gives the same data.
      expect(read.render).toBe(read.render)
      expect(await readdir(scratch)).toEqual([])
    } finally {
      if (before === undefined) delete process.env['TMPDIR']
      else process.env['TMPDIR'] = before
      await rm(content, {recursive: true, force: true})
      await rm(scratch, {recursive: true, force: true})
    }
  })

  // The render data's spill, past its threshold (0 here: every line on disk).
  it.each([
    ['no line', []],
    ['one line', ['{"number":1}']],
    ['lines with every kind of character', ['{"a":"ü 𝄞 \\u0000"}', '', '{"b":[1,2]}']],
  ] as const)('reads back %s as appended, from a file of its own that leaves nothing behind', async (_name, lines) => {
    const scratch = await mkdtemp(path.join(tmpdir(), 'ace-streaming-tmp-'))
    const before = process.env['TMPDIR']
    try {
      process.env['TMPDIR'] = scratch
      const spill = new Spill(0)
      for (const line of lines) spill.append(line)
      expect(spill.onDisk).toBe(lines.length > 0)
      expect(await readdir(scratch)).toEqual([])
      expect(spill.read()).toEqual(lines)
      expect(() => spill.read()).toThrow(/not yet read/)
      expect(() => spill.append('x')).toThrow(/open spill/)
    } finally {
      if (before === undefined) delete process.env['TMPDIR']
      else process.env['TMPDIR'] = before
      await rm(scratch, {recursive: true, force: true})
    }
  })

  it('lists the steps without reading them: each is read when the lint gets to it', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'ace-streaming-'))
    await cp(path.join(FIXTURES, 'valid'), directory, {recursive: true})
    try {
      const loaded = await loadContent(directory, directory, undefined, {deferSteps: true})
      const steps = loaded.sources.filter((source) => source.kind === 'step')
      expect(steps.length).toBeGreaterThan(0)
      expect(steps.map((source) => [source.file.value, source.bytes.length])).toEqual(steps.map(() => ['', 0]))
      const lint = lintContent(loaded, undefined, undefined, {streaming: false})
      const eager = lintContent(await loadContent(directory, directory))
      expect(diagnostics(lint.files)).toEqual(diagnostics(eager.files))
      expect(lint.steps.map((step) => step.file.value)).toEqual(eager.steps.map((step) => step.file.value))
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })

  // A step that stops being a readable file between the listing and its
  // turn is reported as if it had been that when listed.
  it.each([
    ['replaced by a symbolic link', async (file: string) => {
      await unlink(file)
      await symlink(path.join(path.dirname(file), '..', 'guide.md'), file)
    }],
    ['removed', (file: string) => unlink(file)],
  ] as const)('reports a step %s after it was listed as a build that found it so', async (_name, change) => {
    const directory = await mkdtemp(path.join(tmpdir(), 'ace-streaming-'))
    await cp(path.join(FIXTURES, 'valid'), directory, {recursive: true})
    try {
      for (const streaming of [true, false]) {
        const loaded = await loadContent(directory, directory, undefined, {deferSteps: true})
        await change(path.join(directory, STEP_5))
        const found = diagnostics(lintContent(loaded, undefined, undefined, {streaming}).files)
        const eager = diagnostics(lintContent(await loadContent(directory, directory), undefined, undefined, {streaming}).files)
        expect(found).toEqual(eager)
        expect(found.length).toBeGreaterThan(0)
        await rm(path.join(directory, STEP_5), {force: true})
        await cp(path.join(FIXTURES, 'valid', STEP_5), path.join(directory, STEP_5))
      }
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })

  it.each(fixtures)('gives what the all-at-once build gives for fixture %s', async (fixture) => {
    const directory = await materialize(fixture)
    try {
      await compare(directory)
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })
})
