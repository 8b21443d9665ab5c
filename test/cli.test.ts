// The command line printing the shipped guide: every expectation comes from
// the API or the built locale entries, never from today's words. This file
// runs again in test/release-loop.test.ts on changed content; the command
// line's other behaviour (check, bad arguments, pipes, escaping, what the bin
// imports) is in test/cli-bin.test.ts, which runs once.
//
// Run in process (`cli`: cli/run.ts with captured streams; each locale loads
// from its source module, as the built bin loads it from dist/). The built
// bin (dist/cli.js) is spawned only where a real process is the point: with every locale but one deleted from a
// copy of dist/ (it loads only the one asked for), and on a pipe, which it
// must see is no terminal (no colour).
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {type Guide, type LocaleModule, type Step, checklistForRound, getStep, getStepById, guide, listSteps, locales, releases, resolveLocale} from '../src/index.js'
import {USAGE, bin, cli, node} from './bin.js'
import {FIXTURES, copyFixture} from './fixture-content.js'
import {ROOT} from './helpers.js'
import {expectedText} from './ordinal-tables.js'

// Several cases spawn the bin or run the check (the whole lint), and the cases
// run side by side: on a busy machine a case takes longer than the project's
// minute, which is not what these tests are about.
vi.setConfig({testTimeout: 5 * 60_000})

let scratch: string
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ace-cli-'))
})
afterAll(async () => {
  await rm(scratch, {recursive: true, force: true})
})

// The shipped guide's own steps: what the bin prints is checked against the
// API, never against the words of today's content.
const steps = listSteps()
const first = steps[0]!
const last = steps.at(-1)!
const count = steps.length

// The words around the content are the guide's labels (from its locale's
// guide.md), filled in: a step's number, the step count and its title; a
// round's ordinal as the labels' locale's guide.md spells it.
const stepHeading = (step: Step, shown: Guide = guide): string =>
  shown.labels.stepHeading.replaceAll('{steps}', String(shown.steps.length)).replaceAll('{step}', String(step.number)).replaceAll('{title}', step.title)
const roundHeading = (round: number, shown: Guide = guide): string => expectedText(shown.labels.roundHeading, round, shown.introduction.locale)

describe.concurrent('ace-second-interview: reading the guide', () => {
  it('checklist --round 3 words the items for the third interview, in every step', async () => {
    const run = await cli(['checklist', '--round', '3'])
    expect(run).toMatchObject({status: 0, stderr: ''})
    expect(run.stdout.split('\n')[0]).toBe(roundHeading(3))
    for (const item of checklistForRound(3)) expect(run.stdout).toContain(item.text)
    for (const step of steps) expect(run.stdout).toContain(`${step.number}. ${step.title}`)
  })

  it('checklist without --round is the checklist for round 2, the guide\'s first round', async () => {
    const implicit = await cli(['checklist'])
    expect(implicit.status).toBe(0)
    expect(implicit.stdout).toBe((await cli(['checklist', '--round', '2'])).stdout)
    expect(implicit.stdout.split('\n')[0]).toBe(roundHeading(guide.rounds.from))
  })

  it('--format markdown is a printable task list: every line "- [ ] " and an item\'s text', async () => {
    const run = await cli(['checklist', '--round', '3', '--format', 'markdown'])
    expect(run.status).toBe(0)
    const lines = run.stdout.trimEnd().split('\n')
    for (const line of lines) expect(line).toMatch(/^- \[ \] \S/)
    expect(lines.map((line) => line.slice('- [ ] '.length))).toEqual(checklistForRound(3).map((item) => item.text))
  })

  it.each([
    {args: ['checklist', '--round', '3', '--format', 'json'], expected: checklistForRound(3)},
    {args: ['checklist', '--format=json', '--round=25'], expected: checklistForRound(25)},
    {args: ['steps', '--format', 'json'], expected: listSteps()},
    {args: ['step', String(last.number), '--format', 'json'], expected: getStep(last.number)},
    {args: ['step', last.id, '--format', 'json'], expected: getStepById(last.id)},
  ])('--format json of "$args" is exactly what the API returns', async ({args, expected}) => {
    const run = await cli(args)
    expect(run).toMatchObject({status: 0, stderr: ''})
    expect(JSON.parse(run.stdout)).toEqual(expected)
    expect(run.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`)
  })

  it('steps lists every step with its number, title, id and summary', async () => {
    const run = await cli(['steps'])
    expect(run.status).toBe(0)
    for (const step of listSteps()) {
      expect(run.stdout).toContain(`${step.number}. ${step.title}  ${step.id}`)
      expect(run.stdout).toContain(step.summary)
    }
  })

  it('steps --format markdown is one task line per step', async () => {
    const lines = (await cli(['steps', '--format', 'markdown'])).stdout.split('\n').filter((line) => line.startsWith('- [ ] '))
    expect(lines).toEqual(steps.map((step) => `- [ ] ${stepHeading(step)}. ${step.summary}`))
  })

  it.each([first, last].map((step) => [step.number, step] as const))('step takes a number or an id, and prints the same step either way (step %i)', async (n, step) => {
    const byNumber = await cli(['step', String(n)])
    expect(byNumber.status).toBe(0)
    expect((await cli(['step', step.id])).stdout).toBe(byNumber.stdout)
    expect(byNumber.stdout.split('\n')[0]).toBe(`${stepHeading(step)}  ${step.id}`)
    expect(byNumber.stdout).toContain(`\n${roundHeading(guide.rounds.from)}\n`)
    for (const text of [step.summary, ...step.body, ...step.checklist.map((item) => `[ ] ${item.text}`)]) {
      expect(byNumber.stdout).toContain(text)
    }
  })

  it('step --format markdown ends in the step\'s checklist as a task list', async () => {
    const run = await cli(['step', String(last.number), '--format', 'markdown'])
    expect(run.stdout.startsWith(`# ${stepHeading(last)}\n`)).toBe(true)
    expect(run.stdout).toContain(`\n## ${roundHeading(guide.rounds.from)}\n`)
    const tasks = run.stdout.split('\n').filter((line) => line.startsWith('- [ ] '))
    expect(tasks).toEqual(last.checklist.map((item) => `- [ ] ${item.text}`))
  })
})

// Issue 24: one step's checklist for a round.
describe.concurrent('ace-second-interview step --round', () => {
  it.each([3, 21])('step <n> --round %i is the step, its checklist the step\'s items for that round, worded for it', async (round) => {
    for (const step of [first, last]) {
      const items = checklistForRound(round).filter((item) => item.stepId === step.id)
      const json = await cli(['step', String(step.number), '--round', String(round), '--format', 'json'])
      expect(json).toMatchObject({status: 0, stderr: ''})
      expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify({...step, checklist: items})))
      const text = (await cli(['step', step.id, '--round', String(round)])).stdout
      expect(text).toContain(`\n${roundHeading(round)}\n${items.map((item) => `  [ ] ${item.text}`).join('\n')}\n`)
      const markdown = (await cli(['step', step.id, '--round', String(round), '--format', 'markdown'])).stdout
      expect(markdown.endsWith(`## ${roundHeading(round)}\n\n${items.map((item) => `- [ ] ${item.text}`).join('\n')}\n`)).toBe(true)
    }
  })

  it('leaves out the items that do not apply to the round', async () => {
    // Over every step and a round past each item's range, where the content has one.
    for (const step of steps) {
      const round = Math.max(...step.checklist.map((item) => item.rounds.to ?? item.rounds.from)) + 1
      const json = JSON.parse((await cli(['step', String(step.number), '--round', String(round), '--format', 'json'])).stdout) as Step
      expect(json.checklist.map((item) => item.id)).toEqual(step.checklist.filter((item) => item.rounds.to === null || item.rounds.to >= round).map((item) => item.id))
    }
  })
})

describe.concurrent('ace-second-interview: help and version', () => {
  it('--version prints the package version and nothing else', async () => {
    const {version} = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {version: string}
    expect(await cli(['--version'])).toEqual({status: 0, stdout: `${version}\n`, stderr: ''})
  })

  it.each([['--help'], ['-h']])('%s lists every command and the exit statuses on stdout', async (flag) => {
    const run = await cli([flag])
    expect(run).toMatchObject({status: 0, stderr: ''})
    expect(run.stdout.startsWith(`${USAGE} <command>`)).toBe(true)
    for (const name of ['steps', 'step <n|id>', 'checklist [--round <r>]', 'check [content-dir]']) {
      expect(run.stdout).toContain(`  ${name}`)
    }
    expect(run.stdout).toContain('2 bad arguments')
  })

  it.each([
    {command: 'steps', mentions: '--format'},
    {command: 'step', mentions: `a step number from 1 to ${count} or a step id (${steps.map((step) => step.id).join(', ')})`},
    {command: 'checklist', mentions: '(default: 2)'},
    {command: 'check', mentions: 'default: ./content'},
  ])('$command --help prints that command\'s help', async ({command, mentions}) => {
    const run = await cli([command, '--help'])
    expect(run).toMatchObject({status: 0, stderr: ''})
    expect(run.stdout.split('\n')[0]).toMatch(new RegExp(`^${USAGE} ${command} `))
    expect(run.stdout).toContain(mentions)
  })
  it("are the README's: its Command line section names every command and each option its help lists", async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('\n### Command line'), readme.indexOf('\n## ', readme.indexOf('\n### Command line')))
    const commands = [...(await cli(['--help'])).stdout.matchAll(/^ {2}([a-z]+) /gm)].map((match) => match[1]!)
    expect(commands).toContain('steps')
    const missing: string[] = []
    for (const command of commands) {
      if (!section.includes(`\`${command}`)) missing.push(command)
      for (const [option] of (await cli([command, '--help'])).stdout.matchAll(/--[a-z][a-z-]*/g)) {
        if (!new RegExp(`${option}\\b`).test(section)) missing.push(`${command} ${option}`)
      }
    }
    expect(missing).toEqual([])
  })
})


// Issue 13: --locale, resolved like resolveLocale; only that locale is loaded.
describe.concurrent('ace-second-interview --locale', () => {
  type Api = LocaleModule
  const localeApi = async (tag: string): Promise<Api> => (await import(pathToFileURL(path.join(ROOT, 'dist/locales', tag, 'index.js')).href)) as Api
  const json = async (args: readonly string[]): Promise<unknown> => {
    const run = await cli([...args, '--format', 'json'])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    return JSON.parse(run.stdout)
  }

  it.each(locales)('%s: steps, step and checklist print that locale\'s text', async (tag) => {
    const api = await localeApi(tag)
    expect(await json(['steps', '--locale', tag])).toEqual(JSON.parse(JSON.stringify(api.listSteps())))
    expect(await json(['step', '2', '--locale', tag])).toEqual(JSON.parse(JSON.stringify(api.getStep(2))))
    expect(await json(['checklist', '--round', '3', '--locale', tag])).toEqual(JSON.parse(JSON.stringify(api.checklistForRound(3))))
    expect(await json(['changes', '--since', releases[0]!.version, '--locale', tag])).toEqual(JSON.parse(JSON.stringify(api.changesSince(releases[0]!.version))))
  })

  // Found by the lead: the text and markdown forms took the guide's and the
  // steps' titles from the source whatever --locale said.
  it.each(locales)('%s: the text and markdown forms title the guide and each step in that locale', async (tag) => {
    const api = await localeApi(tag)
    const plain = async (args: string[]): Promise<string> => {
      const run = await cli(args)
      expect(run.status).toBe(0)
      return run.stdout
    }
    const steps = await plain(['steps', '--locale', tag])
    expect(steps.split('\n')[0]).toBe(api.guide.title)
    expect((await plain(['steps', '--locale', tag, '--format', 'markdown'])).split('\n')[0]).toBe(`# ${api.guide.title}`)
    const checklist = await plain(['checklist', '--round', '3', '--locale', tag])
    for (const step of api.listSteps()) {
      if (api.checklistForRound(3).some((item) => item.stepNumber === step.number)) expect(checklist).toContain(`${step.number}. ${step.title}\n`)
    }
  })

  // Issue 24: the headings around the content were English whatever --locale said.
  it.each(locales)('%s: every word printed around the content is that locale\'s (its labels), in text and markdown', async (tag) => {
    const api = await localeApi(tag)
    const shown = api.guide
    const plain = async (args: string[]): Promise<string> => {
      const run = await cli([...args, '--locale', tag])
      expect(run).toMatchObject({status: 0, stderr: ''})
      return run.stdout
    }
    const step = api.getStep(last.number)
    const first = shown.rounds.from
    const text = await plain(['step', String(step.number)])
    expect(text.split('\n')[0]).toBe(`${stepHeading(step, shown)}  ${step.id}`)
    expect(text).toContain(`\n${roundHeading(first, shown)}\n`)
    const markdown = await plain(['step', String(step.number), '--format', 'markdown'])
    expect(markdown.split('\n')[0]).toBe(`# ${stepHeading(step, shown)}`)
    expect(markdown).toContain(`\n## ${roundHeading(first, shown)}\n`)
    expect((await plain(['step', String(step.number), '--round', '3'])).split('\n')).toContain(roundHeading(3, shown))
    expect((await plain(['checklist', '--round', '3'])).split('\n')[0]).toBe(roundHeading(3, shown))
    expect((await plain(['steps', '--format', 'markdown'])).split('\n').filter((line) => line.startsWith('- [ ] '))).toEqual(
      api.listSteps().map((each) => `- [ ] ${stepHeading(each, shown)}. ${each.summary}`),
    )
    // Where the locale words its labels otherwise, none of the source's heading is printed.
    if (shown.labels.roundHeading !== guide.labels.roundHeading) expect(text).not.toContain(roundHeading(first))
    if (shown.labels.stepHeading !== guide.labels.stepHeading) expect(text).not.toContain(stepHeading(step))
  })

  it('resolves a tag as resolveLocale does: a region or case falls back to the language', async () => {
    const tag = locales.at(-1)!
    const requested = `${tag.split('-')[0]!.toUpperCase()}-ZZ`
    const api = await localeApi(resolveLocale(requested))
    expect(await json(['checklist', '--round', '21', '--locale', requested])).toEqual(JSON.parse(JSON.stringify(api.checklistForRound(21))))
  })

  it('prints the source for a tag no locale matches, and says so on stderr', async () => {
    const run = await cli(['steps', '--locale', 'tlh', '--format', 'json'])
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(listSteps())))
    expect(run.stderr).toBe(`steps: no locale matches "tlh"; showing ${locales[0]} (locales: ${locales.join(', ')})\n`)
  })

  it('loads only the chosen locale: it works with every other locale gone, and steps needs only the source\'s', async () => {
    // A copy of the package: the bin finds its main entry through package.json.
    const copy = path.join(scratch, 'one-locale')
    const dist = path.join(copy, 'dist')
    await cp(path.join(ROOT, 'dist'), dist, {recursive: true})
    await cp(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'))
    const chosen = locales.at(-1)!
    for (const tag of locales) if (tag !== chosen) await rm(path.join(dist, 'locales', tag), {recursive: true})
    const run = await node([path.join(dist, 'cli.js'), 'checklist', '--round', '3', '--locale', chosen])
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe((await cli(['checklist', '--round', '3', '--locale', chosen])).stdout)
    await rm(path.join(dist, 'locales', chosen), {recursive: true})
    await cp(path.join(ROOT, 'dist/locales', locales[0]!), path.join(dist, 'locales', locales[0]!), {recursive: true})
    const steps = await node([path.join(dist, 'cli.js'), 'steps'])
    expect(steps.status, steps.stderr).toBe(0)
    expect(steps.stdout).toBe((await cli(['steps'])).stdout)
  })
})

describe.concurrent('ace-second-interview: colour', () => {
  // A pipe is no TTY: no escape codes, NO_COLOR or not.
  it.each([{}, {NO_COLOR: '1'}, {NO_COLOR: ''}])('writes no ANSI escapes to a pipe (env %o)', async (env) => {
    // One folder per case: the cases run side by side.
    const folder = await mkdtemp(path.join(scratch, 'colour-'))
    await copyFixture(path.join(FIXTURES, 'valid'), folder)
    await writeFile(path.join(folder, 'guide.md'), '# Title only\n')
    for (const args of [['steps'], ['step', '1'], ['checklist'], ['check', folder], ['step', String(count + 1)]]) {
      const run = await cli(args, {env, isTTY: false})
      expect(run.stdout + run.stderr).not.toBe('')
      expect(run.stdout + run.stderr).not.toContain('\u001B[')
    }
  })

  it('the built bin, its stdout a pipe, sees no terminal: no ANSI escapes with NO_COLOR unset', async () => {
    const spawned = await bin(['steps'])
    expect(spawned).toEqual(await cli(['steps']))
    expect(spawned.stdout).not.toContain('\u001B[')
  })
})
