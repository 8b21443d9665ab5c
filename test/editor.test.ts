// Where editors and pull requests see the check: `check --watch` (one
// process, a verdict on every save), the VS Code task's problem matcher, and
// `--format github` workflow commands.
import {type ChildProcess, spawn} from 'node:child_process'
import {cp, mkdtemp, readFile, rename, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, afterEach, describe, expect, it} from 'vitest'
import {WATCH_BEGIN, WATCH_END, runCheck} from '../cli/check-run.js'
import type {Diagnostic} from '../pipeline/report.js'
import {formatGithub} from '../pipeline/report.js'
import {STEP_FILE, VALID_LOCALE, materialize, materializeWith} from './fixture-content.js'
import {ROOT} from './helpers.js'

const BIN = path.join(ROOT, 'dist/cli.js')
const cleanup: string[] = []
const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) child.kill()
})
afterAll(async () => {
  for (const folder of cleanup) await rm(folder, {recursive: true, force: true})
})

/** A watching bin whose stdout can be awaited line by line. */
function watchBin(folder: string) {
  const child = spawn(process.execPath, [BIN, 'check', '--watch', '.'], {cwd: folder, env: {...process.env, NO_COLOR: '1'}})
  children.push(child)
  let out = ''
  let err = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
  /**
   * Resolve with the first whole run (begin line to end line) that began
   * after `offset` characters of output: it saw every save made before then.
   */
  const runAfter = async (offset: number): Promise<string> => {
    const deadline = Date.now() + 30_000
    for (;;) {
      const later = out.slice(offset)
      const begin = later.indexOf(`${WATCH_BEGIN} `)
      const end = begin === -1 ? -1 : later.indexOf(`\n${WATCH_END} `, begin)
      const close = end === -1 ? -1 : later.indexOf('\n', end + 1)
      if (close !== -1) return later.slice(begin, close + 1)
      if (Date.now() > deadline) throw new Error(`expected a watch run after output offset ${offset}, saw:\n${out}\n${err}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  const printed = (): number => out.length
  return {child, runAfter, printed, stderr: () => err}
}

// Saved the way many editors do: a new file written beside, then renamed over the old one.
async function saveByRename(file: string, text: string): Promise<void> {
  await writeFile(`${file}.tmp~`, text)
  await rename(`${file}.tmp~`, file)
}

describe('check --watch', () => {
  it('keeps one process and prints a new verdict after every save, in place or by rename', async () => {
    const folder = await materializeWith({})
    cleanup.push(folder)
    const file = path.join(folder, STEP_FILE)
    const clean = await readFile(file, 'utf8')
    const broken = clean.replace(/\{#/, '{#Bad_Id ')
    expect(broken).not.toBe(clean)
    const watcher = watchBin(folder)

    expect(await watcher.runAfter(0)).toMatch(/check: \. is clean/)
    // Each save, then the verdict it causes: the second and fourth use rename,
    // after which a plain write must still be seen (the inode changed).
    const saves = [
      {save: () => writeFile(file, broken), clean: false},
      {save: () => saveByRename(file, clean), clean: true},
      {save: () => saveByRename(file, broken), clean: false},
      {save: () => writeFile(file, clean), clean: true},
      {save: () => writeFile(path.join(folder, 'manifest.json'), '{"releases": []}\n'), clean: false},
    ]
    for (const {save, clean: expectClean} of saves) {
      await save()
      const verdict = await watcher.runAfter(watcher.printed())
      if (expectClean) expect(verdict).toMatch(/check: \. is clean/)
      else expect(verdict).toMatch(new RegExp(`^(?:${STEP_FILE.replace('.', '\\.')}|manifest\\.json):\\d+:\\d+: error `, 'm'))
    }
    expect(watcher.child.exitCode).toBeNull()
    expect(watcher.stderr()).toBe('')
  }, 60_000)

  it('stops when its signal aborts and returns the last run\'s status (in process)', async () => {
    const folder = await materialize('known-placeholders/unknown')
    cleanup.push(folder)
    const written: string[] = []
    const io = {stdout: {write: (text: string) => written.push(text)}, stderr: {write: (text: string) => written.push(text)}, env: {NO_COLOR: '1'}, cwd: folder}
    const controller = new AbortController()
    const running = runCheck({dir: '.', format: 'text', watch: true, program: 'check', signal: controller.signal}, io)
    for (let waited = 0; !written.some((text) => text.startsWith(WATCH_END)) && waited < 20_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    controller.abort()
    expect(await running).toBe(1)
    expect(written[0]).toBe(`${WATCH_BEGIN} .\n`)
    expect(written.join('')).toMatch(/: error .*known-placeholders/)
  })

  it('checks again on a save in a translation\'s folder (locales/<tag>/steps/), in place or by rename (in process)', async () => {
    const folder = await materializeWith({})
    cleanup.push(folder)
    await cp(VALID_LOCALE, folder, {recursive: true})
    const file = path.join(folder, 'locales/es/steps/01-ten-confianza.md')
    const clean = await readFile(file, 'utf8')
    const broken = clean.replace('step: 1', 'step: 4')
    const written: string[] = []
    const io = {stdout: {write: (text: string) => written.push(text)}, stderr: {write: (text: string) => written.push(text)}, env: {NO_COLOR: '1'}, cwd: folder}
    const controller = new AbortController()
    const running = runCheck({dir: '.', format: 'text', watch: true, program: 'check', signal: controller.signal}, io)
    // Every finished run's output, from its first line to its verdict.
    const finished = (): string[] => {
      const text = written.join('')
      const found: string[] = []
      for (let start = text.indexOf(WATCH_BEGIN); start !== -1; start = text.indexOf(WATCH_BEGIN, start + 1)) {
        const end = text.indexOf(WATCH_END, start)
        if (end !== -1) found.push(text.slice(start, end))
      }
      return found
    }
    // A save may reach the watcher as more than one event (a write truncates,
    // then fills the file), so it can cause more than one run; on a busy
    // machine the first may see the file half written. Wait for a run after
    // `after` whose verdict is the expected one; on time-out, return the last
    // finished run, so the assertion shows what was printed instead.
    const verdict = async (after: number, expected: RegExp): Promise<string> => {
      for (let waited = 0; waited < 30_000; waited += 20) {
        const match = finished().slice(after).find((run) => expected.test(run))
        if (match !== undefined) return match
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return finished().at(-1) ?? ''
    }
    try {
      const isClean = /is clean/
      expect(await verdict(0, isClean)).toMatch(isClean)
      await writeFile(file, broken)
      const parity = /locales\/es\/steps\/01-ten-confianza\.md:3:7: error .*translation-parity/
      expect(await verdict(1, parity)).toMatch(parity)
      let seen = finished().length
      await saveByRename(file, clean)
      expect(await verdict(seen, isClean)).toMatch(isClean)
      seen = finished().length
      await writeFile(file, broken)
      expect(await verdict(seen, parity)).toMatch(parity)
    } finally {
      controller.abort()
      await running
    }
  }, 60_000)

  it('exits 2 with one line when the folder does not exist, instead of waiting', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'ace-watch-'))
    cleanup.push(folder)
    const written: string[] = []
    const io = {stdout: {write: (text: string) => written.push(text)}, stderr: {write: (text: string) => written.push(`stderr:${text}`)}, env: {}, cwd: folder}
    expect(await runCheck({dir: 'missing', format: 'text', watch: true, program: 'check'}, io)).toBe(2)
    expect(written.filter((text) => text.startsWith('stderr:'))).toEqual(['stderr:check: expected [content-dir] to be a folder, found nothing at "missing"\n'])
  })
})

describe('.vscode/tasks.json', () => {
  // tasks.json is JSON with comments; its comments are whole lines.
  const readTasks = async () =>
    JSON.parse((await readFile(path.join(ROOT, '.vscode/tasks.json'), 'utf8')).replace(/^\s*\/\/.*$/gm, '')) as {
      tasks: Array<{label: string; script: string; isBackground?: boolean; options?: {env?: Record<string, string>}; problemMatcher: {pattern: {regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number}; background?: {beginsPattern: string; endsPattern: string}}}>
    }

  it('runs npm scripts that exist, without colour, in watch mode as a background task', async () => {
    const {tasks} = await readTasks()
    const {scripts} = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {scripts: Record<string, string>}
    for (const task of tasks) {
      expect(scripts[task.script], task.label).toBeDefined()
      expect(task.options?.env?.['NO_COLOR'], task.label).toBe('1')
    }
    const watch = tasks.find((task) => task.problemMatcher.background !== undefined)
    expect(watch?.isBackground).toBe(true)
    expect(scripts[watch!.script]).toMatch(/--watch/)
  })

  it('matches every diagnostic line of the real output to its file, place, severity, message and rule, and nothing else', async () => {
    const {tasks} = await readTasks()
    const fixtures = ['known-placeholders/unknown', 'no-html/inline', 'front-matter-keys/unknown-key']
    for (const fixture of fixtures) {
      const folder = await materialize(fixture)
      cleanup.push(folder)
      const written: string[] = []
      const io = {stdout: {write: (text: string) => written.push(text)}, stderr: {write: () => true}, env: {NO_COLOR: '1'}, cwd: folder}
      await runCheck({dir: '.', format: 'text', watch: false, program: 'check'}, io)
      const {checkContent} = await import('../pipeline/check.js')
      const expected = (await checkContent('.', {cwd: folder})).diagnostics
      const lines = written.join('').trimEnd().split('\n')
      for (const task of tasks) {
        const {pattern} = task.problemMatcher
        const regexp = new RegExp(pattern.regexp)
        const matched = lines.flatMap((line) => {
          const match = regexp.exec(line)
          return match === null ? [] : [{file: match[pattern.file], line: Number(match[pattern.line]), column: Number(match[pattern.column]), severity: match[pattern.severity], reason: match[pattern.message], ruleId: match[pattern.code]}]
        })
        expect(matched, `${task.label}, ${fixture}`).toEqual(expected.map(({file, line, column, severity, reason, ruleId}) => ({file, line, column, severity, reason, ruleId})))
      }
    }
  })

  it('begins and ends each watch run on the lines check --watch prints', async () => {
    const {tasks} = await readTasks()
    const background = tasks.flatMap((task) => (task.problemMatcher.background === undefined ? [] : [task.problemMatcher.background]))
    expect(background).toHaveLength(1)
    const folder = await materializeWith({})
    cleanup.push(folder)
    const written: string[] = []
    const io = {stdout: {write: (text: string) => written.push(text)}, stderr: {write: () => true}, env: {}, cwd: folder}
    const controller = new AbortController()
    const running = runCheck({dir: '.', format: 'text', watch: true, program: 'check', signal: controller.signal}, io)
    for (let waited = 0; !written.some((text) => text.startsWith(WATCH_END)) && waited < 20_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    controller.abort()
    await running
    const lines = written.join('').trimEnd().split('\n')
    const {beginsPattern, endsPattern} = background[0]!
    expect(new RegExp(beginsPattern).test(lines[0]!)).toBe(true)
    expect(new RegExp(endsPattern).test(lines.at(-1)!)).toBe(true)
    expect(lines.slice(1, -1).some((line) => new RegExp(beginsPattern).test(line) || new RegExp(endsPattern).test(line))).toBe(false)
  })
})

describe('--format github', () => {
  const base: Diagnostic = {file: 'content/guide.md', line: 3, column: 7, ruleId: 'no-html', severity: 'error', reason: 'Expected markdown, found HTML', tip: null, fatal: true}
  it.each([
    {name: 'a plain diagnostic', diagnostic: base, expected: '::error file=content/guide.md,line=3,col=7,title=no-html::Expected markdown, found HTML\n'},
    {name: 'a warning with a tip', diagnostic: {...base, severity: 'warning', fatal: false, tip: 'Use markdown.'} as const, expected: '::warning file=content/guide.md,line=3,col=7,title=no-html::Expected markdown, found HTML%0Atip: Use markdown.\n'},
    {name: '%, CR and LF in the message', diagnostic: {...base, reason: '100% sure\r\nnot ::error'}, expected: '::error file=content/guide.md,line=3,col=7,title=no-html::100%25 sure%0D%0Anot ::error\n'},
    {name: ':, , and % in a file name', diagnostic: {...base, file: 'content/a,b:c%.md'}, expected: '::error file=content/a%2Cb%3Ac%25.md,line=3,col=7,title=no-html::Expected markdown, found HTML\n'},
    {name: 'a line break in a file name', diagnostic: {...base, file: 'evil\n::error file=x::forged'}, expected: '::error file=evil%0A%3A%3Aerror file=x%3A%3Aforged,line=3,col=7,title=no-html::Expected markdown, found HTML\n'},
  ])('escapes $name', ({diagnostic, expected}) => {
    expect(formatGithub([diagnostic])).toBe(expected)
  })

  it('prints nothing for no diagnostics', () => {
    expect(formatGithub([])).toBe('')
  })
})
