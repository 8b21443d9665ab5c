// Where editors and pull requests see the check: `check --watch` (one
// process, a verdict on every save), the VS Code task's problem matcher, and
// `--format github` workflow commands.
import {type ChildProcess, spawn} from 'node:child_process'
import {mkdtemp, readFile, rename, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, afterEach, describe, expect, it} from 'vitest'
import {WATCH_BEGIN, WATCH_END, runCheck} from '../cli/check-run.js'
import type {Diagnostic} from '../pipeline/report.js'
import {formatGithub} from '../pipeline/report.js'
import {STEP_FILE, VALID_LOCALE, copyFixture, materialize, materializeWith} from './fixture-content.js'
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

/**
 * Output that can be awaited: `until` resolves once `find` returns something
 * for the text written so far, checked on every write (no clock, no polling);
 * it rejects with the text when the writer ends first.
 */
function awaitable() {
  let text = ''
  let ended = false
  const waiting = new Set<() => void>()
  const changed = () => {
    for (const check of [...waiting]) check()
  }
  return {
    write(chunk: string): boolean {
      text += chunk
      changed()
      return true
    },
    end(): void {
      ended = true
      changed()
    },
    text: () => text,
    until<T>(find: (text: string) => T | undefined): Promise<T> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = find(text)
          if (found !== undefined || ended) waiting.delete(check)
          if (found !== undefined) resolve(found)
          else if (ended) reject(new Error(`the output ended without what was awaited:\n${text}`))
        }
        waiting.add(check)
        check()
      })
    },
  }
}

/** Every finished watch run in `text` (begin line to end line), in order. */
function finishedRuns(text: string): string[] {
  const found: string[] = []
  for (let start = text.indexOf(`${WATCH_BEGIN} `); start !== -1; start = text.indexOf(`${WATCH_BEGIN} `, start + 1)) {
    const end = text.indexOf(`\n${WATCH_END} `, start)
    const close = end === -1 ? -1 : text.indexOf('\n', end + 1)
    if (close !== -1) found.push(text.slice(start, close + 1))
  }
  return found
}

/**
 * The first run after the `after` runs already finished whose output matches
 * `expected`. A save may reach the watcher as more than one event (a write
 * truncates, then fills the file), so it can cause more than one run, the
 * first maybe seeing the file half written.
 */
function runMatching(output: ReturnType<typeof awaitable>, after: number, expected: RegExp): Promise<string> {
  return output.until((text) => finishedRuns(text).slice(after).find((run) => expected.test(run)))
}

/** A watching bin, its stdout awaitable. */
function watchBin(folder: string) {
  const child = spawn(process.execPath, [BIN, 'check', '--watch', '.'], {cwd: folder, env: {...process.env, NO_COLOR: '1'}})
  children.push(child)
  const out = awaitable()
  let err = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => out.write(chunk))
  child.stdout.on('end', () => out.end())
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
  return {child, out, stderr: () => err}
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

    const isClean = /check: \. is clean/
    const isBroken = new RegExp(`^(?:${STEP_FILE.replace('.', '\\.')}|manifest\\.json):\\d+:\\d+: error `, 'm')
    await runMatching(watcher.out, 0, isClean)
    // Each save, then the verdict it causes: the second and fourth use rename,
    // after which a plain write must still be seen (the inode changed).
    const saves = [
      {save: () => writeFile(file, broken), expected: isBroken},
      {save: () => saveByRename(file, clean), expected: isClean},
      {save: () => saveByRename(file, broken), expected: isBroken},
      {save: () => writeFile(file, clean), expected: isClean},
      {save: () => writeFile(path.join(folder, 'manifest.json'), '{"releases": []}\n'), expected: isBroken},
    ]
    for (const {save, expected} of saves) {
      const seen = finishedRuns(watcher.out.text()).length
      await save()
      await runMatching(watcher.out, seen, expected)
    }
    expect(watcher.child.exitCode).toBeNull()
    expect(watcher.stderr()).toBe('')
  }, 5 * 60_000)

  it('checks again on a save in a translation\'s folder (locales/<tag>/steps/), in place or by rename', async () => {
    const folder = await materializeWith({})
    cleanup.push(folder)
    await copyFixture(VALID_LOCALE, folder)
    const file = path.join(folder, 'locales/es/steps/01-ten-confianza.md')
    const clean = await readFile(file, 'utf8')
    const broken = clean.replace('step: 1', 'step: 4')
    const watch = watchBin(folder)
    const isClean = /is clean/
    const parity = /locales\/es\/steps\/01-ten-confianza\.md:3:7: error .*translation-parity/
    await runMatching(watch.out, 0, isClean)
    for (const {save, expected} of [
      {save: () => writeFile(file, broken), expected: parity},
      {save: () => saveByRename(file, clean), expected: isClean},
      {save: () => writeFile(file, broken), expected: parity},
    ]) {
      const seen = finishedRuns(watch.out.text()).length
      await save()
      await runMatching(watch.out, seen, expected)
    }
  }, 5 * 60_000)

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
    const watch = watchBin(folder)
    await watch.out.until((text) => (text.includes(WATCH_END) ? true : undefined))
    const lines = watch.out.text().trimEnd().split('\n')
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
    // Issue 22, item 4: a CI log is a terminal too.
    {name: 'ESC, BEL and bidi characters', diagnostic: {...base, file: 'a\u001b]0;x\u0007.md', reason: 'b\u202e\u0085', tip: 'c\u001b[2J'}, expected: '::error file=a\\x1b]0;x\\x07.md,line=3,col=7,title=no-html::b\\u202e\\x85%0Atip: c\\x1b[2J\n'},
  ])('escapes $name', ({diagnostic, expected}) => {
    expect(formatGithub([diagnostic])).toBe(expected)
  })

  it('prints nothing for no diagnostics', () => {
    expect(formatGithub([])).toBe('')
  })
})
