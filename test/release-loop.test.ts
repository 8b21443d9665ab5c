// The release loop an editor follows (content/README.md, "Making a change"):
// edit the markdown, `npm run content:version`, commit, and the whole suite
// passes with no test edited. Run by `npm run test:releases` (CI runs it after `npm test`):
// on a copy of this repository, ten releases in a row, one of each kind the
// versioning policy allows, each recorded by content:version (called in this
// process, as its script calls it) and committed; then the copy is built and
// every other test file runs on the released content, whatever project it sits
// in, and then CI's package checks. A test or a budget that pins today's
// content (its step count, version, ids, words, locales or history) fails here.
import {execFileSync, spawnSync} from 'node:child_process'
import {cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import config from '../vitest.config.js'
import type {Manifest} from '../pipeline/release/manifest.js'
import {type Bump, bumpVersion} from '../pipeline/release/versioning.js'
import {contentTranslated} from '../scripts/content-translated.js'
import {contentVersion} from '../scripts/content-version.js'
import {ROOT} from './helpers.js'
import {type ContentFiles, readContentFiles} from './shipped-content.js'

const VITEST = path.join(ROOT, 'node_modules/vitest/vitest.mjs')

let copy: string

/** Run a command in the copy the way an editor does, from its root; never coloured. */
function run(command: string, args: readonly string[]) {
  // A vitest run inside this one must not take this run's worker settings.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')))
  const result = spawnSync(command, [...args], {cwd: copy, encoding: 'utf8', env: {...env, NO_COLOR: '1', FORCE_COLOR: '0'}, maxBuffer: 64 * 2 ** 20})
  return {status: result.status, output: `${result.stdout}\n${result.stderr}`}
}

const git = (...args: string[]) => execFileSync('git', args, {cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
const file = (name: string): string => path.join(copy, 'content', name)
const read = async (name: string): Promise<string> => readFile(file(name), 'utf8')
const content = async (): Promise<ContentFiles> => readContentFiles(path.join(copy, 'content'))
const version = async (): Promise<string> => (JSON.parse(await readFile(path.join(copy, 'package.json'), 'utf8')) as {version: string}).version
const capture = () => {
  const io = {stdout: '', stderr: ''}
  return {io, streams: {stdout: {write: (text: string) => (io.stdout += text)}, stderr: {write: (text: string) => (io.stderr += text)}, root: copy}}
}

/** `2+`, `2-4` or `2`: rounds as front matter writes them. */
function roundsText({from, to}: ContentFiles['rounds']): string {
  return to === null ? `${from}+` : to === from ? `${from}` : `${from}-${to}`
}

/** An id no release has used (ids are forever, so a retired one will not do). */
async function freshId(stem: string): Promise<string> {
  const manifest = JSON.parse(await read('manifest.json')) as Manifest
  const used = new Set(manifest.releases.flatMap((release) => [...Object.keys(release.steps), ...Object.keys(release.items)]))
  for (const step of (await content()).steps) for (const id of [step.id, ...step.itemIds]) used.add(id)
  let n = 1
  while (used.has(`${stem}-${n}`)) n++
  return `${stem}-${n}`
}

/** The lines of a step file's checklist items. */
const itemLines = (text: string): string[] => text.split('\n').filter((line) => line.startsWith('- [ ] '))
/** An item the content had before this loop began (published long ago). */
const original = (id: string): boolean => !id.startsWith('release-loop-')

/** The translations' folders, sorted. */
async function localeTags(): Promise<string[]> {
  return (await readdir(file('locales')).catch(() => [] as string[])).sort()
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen']

/** Add the next step, counted where the source's title and introduction count the steps (as the step-count lint asks), its items applying from `rounds`. */
async function addStep(summary: string, title: string, rounds: string): Promise<void> {
  const {steps} = await content()
  const number = steps.length + 1
  const id = await freshId('release-loop-step')
  const guide = await read('guide.md')
  const counted = guide.replace(new RegExp(`\\b(\\d+|${NUMBER_WORDS.join('|')})(\\s+(?:\\p{L}+\\s+)?steps\\b)`, 'giu'), (whole, count: string, rest: string) => {
    const word = NUMBER_WORDS.indexOf(count.toLowerCase())
    if ((/\d/.test(count) ? Number(count) : word) !== steps.length) return whole
    const next = /\d/.test(count) ? String(number) : NUMBER_WORDS[number]!
    return `${count[0] === count[0]!.toUpperCase() ? next[0]!.toUpperCase() + next.slice(1) : next}${rest}`
  })
  expect(counted, 'guide.md counts its steps nowhere').not.toBe(guide)
  await writeFile(file('guide.md'), counted)
  const step = [
    '---',
    `id: ${id}`,
    `step: ${number}`,
    `summary: ${summary}`,
    '---',
    '',
    `# ${title}`,
    '',
    'Once the interview is over, take a quiet moment to look back on it.',
    '',
    'Note what went well and what you would change next time.',
    '',
    '## Checklist',
    '',
    `- [ ] Write down what went well in your {round} interview. {#${id}-went-well rounds=${rounds}}`,
    `- [ ] Write down one thing to change before your {next} interview. {#${id}-change rounds=${rounds}}`,
    '',
  ].join('\n')
  await writeFile(file(`steps/${String(number).padStart(2, '0')}-${id}.md`), step)
}

/** Append a sentence to the first paragraph after a file's `# Title`. */
async function reword(name: string, sentence: string): Promise<void> {
  const text = await read(name)
  const reworded = text.replace(/^(# .+\n\n)(.+)$/m, (_, heading: string, paragraph: string) => `${heading}${paragraph} ${sentence}`)
  expect(reworded).not.toBe(text)
  await writeFile(file(name), reworded)
}

// Each release edits the copy's markdown only, as an editor would, working
// from whatever content it finds there; together they are ten releases in a row.
const releases: ReadonlyArray<{name: string; bump: Bump; edit: () => Promise<void>}> = [
  {
    name: 'a paragraph of step 3 reworded (its translations are now behind)',
    bump: 'patch',
    async edit() {
      const {steps} = await content()
      await reword((steps.find((entry) => entry.number === 3) ?? steps[0]!).file, 'Take your time over it.')
    },
  },
  {
    name: 'a checklist item added',
    bump: 'minor',
    async edit() {
      const {steps, rounds} = await content()
      const step = steps.find((entry) => entry.itemIds.length < 5)!
      const text = await read(step.file)
      const last = itemLines(text).at(-1)!
      const item = `- [ ] Write down one question you want to ask about the role. {#${await freshId('release-loop-item')} rounds=${roundsText(rounds)}}`
      await writeFile(file(step.file), text.replace(last, `${last}\n${item}`))
    },
  },
  {
    name: 'a checklist item removed',
    bump: 'major',
    async edit() {
      const {steps} = await content()
      const step = steps.find((entry) => entry.itemIds.some(original) && entry.itemIds.length > 2)!
      const id = step.itemIds.find(original)!
      const text = await read(step.file)
      const line = itemLines(text).find((entry) => entry.includes(`{#${id} `))!
      await writeFile(file(step.file), text.replace(`${line}\n`, ''))
    },
  },
  {
    name: 'a checklist item renamed with replaces=',
    bump: 'minor',
    async edit() {
      const {steps} = await content()
      const step = steps.find((entry) => entry.itemIds.some(original))!
      const id = step.itemIds.find(original)!
      const renamed = await freshId('release-loop-renamed')
      const text = await read(step.file)
      const line = itemLines(text).find((entry) => entry.includes(`{#${id} `))!
      await writeFile(file(step.file), text.replace(line, line.replace(`{#${id} `, `{#${renamed} `).replace(/\}$/, ` replaces=${id}}`)))
    },
  },
  {
    name: 'a step added, with the title counting it',
    bump: 'minor',
    edit: async () => addStep('Look back on the round while it is still fresh in your mind.', 'Look back on the round', roundsText((await content()).rounds)),
  },
  {
    name: 'a checklist item moved to another step, its words unchanged',
    bump: 'major',
    async edit() {
      const {steps} = await content()
      // From a step that keeps two items to one that stays within five.
      const from = steps.find((entry) => entry.itemIds.filter(original).length > 0 && entry.itemIds.length > 2)!
      const to = steps.find((entry) => entry !== from && entry.itemIds.length < 5)!
      const id = from.itemIds.find(original)!
      const fromText = await read(from.file)
      const line = itemLines(fromText).find((entry) => entry.includes(`{#${id} `))!
      await writeFile(file(from.file), fromText.replace(`${line}\n`, ''))
      const toText = await read(to.file)
      const last = itemLines(toText).at(-1)!
      await writeFile(file(to.file), toText.replace(last, `${last}\n${line}`))
    },
  },
  {
    name: 'a step whose items start at a later round',
    bump: 'minor',
    async edit() {
      const {from, to} = (await content()).rounds
      await addStep('Plan for the round after this one while the details are fresh.', 'Plan for the round after', roundsText({from: from + 1, to: to === null ? null : Math.max(to, from + 1)}))
    },
  },
  {
    name: 'a translation changed, and marked current (`npm run content:translated`)',
    bump: 'patch',
    async edit() {
      const [tag] = await localeTags()
      expect(tag, 'content/locales/ holds no translation to change').toBeDefined()
      const guide = `locales/${tag}/guide.md`
      const text = await read(guide)
      // The introduction's first paragraph gains a sentence repeating its own first words.
      const changed = text.replace(/^(# .+\n\n)(.+)$/m, (_, heading: string, paragraph: string) => `${heading}${paragraph} ${paragraph.split(' ').slice(0, 3).join(' ')}.`)
      expect(changed).not.toBe(text)
      await writeFile(file(guide), changed)
      const {io, streams} = capture()
      expect(await contentTranslated([tag!, 'introduction'], streams), io.stderr).toBe(0)
    },
  },
  {
    name: 'a new locale: a region of a language the content is already translated into, content only',
    bump: 'patch',
    async edit() {
      const tags = await localeTags()
      // A language with a translation other than the source's own.
      const base = tags.find((tag) => !tag.includes('-')) ?? tags[0]!
      const language = base.split('-')[0]!
      // A region the content lacks (ISO 3166 codes: Austria, Switzerland, Mexico, Canada, Australia…).
      const tag = ['AT', 'CH', 'MX', 'CA', 'AU', 'BE', 'AR', 'LU'].map((region) => `${language}-${region}`).find((candidate) => !tags.includes(candidate))!
      await mkdir(file(`locales/${tag}/steps`), {recursive: true})
      const guide = (await read(`locales/${base}/guide.md`)).replace(/^locale: .*$/m, `locale: ${tag}`)
      await writeFile(file(`locales/${tag}/guide.md`), guide)
      // One step translated so far; the rest show the source's words until then.
      const [step] = (await readdir(file(`locales/${base}/steps`))).sort()
      await cp(file(`locales/${base}/steps/${step}`), file(`locales/${tag}/steps/${step}`))
      // The words the language's list excuses, those this much of the content uses.
      const text = guide + (await read(`locales/${tag}/steps/${step}`))
      const words = (await read(`locales/${base}/words.txt`).catch(() => '')).split('\n').filter((line) => line.trim() !== '' && (line.startsWith('#') || text.includes(line.trim())))
      if (words.length > 0) await writeFile(file(`locales/${tag}/words.txt`), `${words.join('\n')}\n`)
      const {io, streams} = capture()
      expect(await contentTranslated([tag, '--all'], streams), io.stderr).toBe(0)
    },
  },
  {
    name: 'the introduction reworded',
    bump: 'patch',
    edit: async () => reword('guide.md', 'Read on to see how.'),
  },
]

beforeAll(async () => {
  copy = await mkdtemp(path.join(tmpdir(), 'ace-release-loop-'))
  // What git would check out (the tracked files, as they are in the working
  // tree), as its own repository: the loop commits each release, as an editor does.
  const tracked = execFileSync('git', ['ls-files', '-z'], {cwd: ROOT, encoding: 'utf8'}).split('\0').filter(Boolean)
  for (const name of tracked) {
    await mkdir(path.dirname(path.join(copy, name)), {recursive: true})
    await cp(path.join(ROOT, name), path.join(copy, name)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error // deleted in the working tree, not yet committed
    })
  }
  await symlink(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir')
  git('init', '--quiet')
  git('add', '--all')
  git('-c', 'user.name=Release loop', '-c', 'user.email=loop@example.invalid', 'commit', '--quiet', '--no-verify', '-m', 'The repository as tested')
})
afterAll(async () => {
  if (copy !== undefined) await rm(copy, {recursive: true, force: true})
})

describe('the release loop, on a copy of this repository', () => {
  it.each(releases.map((release, index) => ({...release, day: index + 1})))('release $day, $name: `npm run content:version` records a $bump release', async ({bump, edit, day}) => {
    const before = await version()
    await edit()
    const {io, streams} = capture()
    const status = await contentVersion(['--date', `2030-01-${String(day).padStart(2, '0')}`], streams)
    expect(status, `${io.stdout}\n${io.stderr}`).toBe(0)
    const after = bumpVersion(before, bump)
    expect(io.stdout).toContain(`${before} → ${after} (${bump})`)
    expect(await version()).toBe(after)
    git('add', '--all')
    git('-c', 'user.name=Release loop', '-c', 'user.email=loop@example.invalid', 'commit', '--quiet', '--no-verify', '-m', `Release ${after}`)
  })

  it('passes every other test file on the released content, unedited (`npm run build`, then vitest)', async () => {
    const build = run('npm', ['run', 'build', '--silent'])
    expect(build.status, build.output).toBe(0)
    // Every project but this one (vitest has no --project=!name), and but
    // content, whose files main runs.
    const projects = (config.test?.projects as Array<{test: {name: string}}>).map(({test}) => test.name).filter((name) => name !== 'releases' && name !== 'content').map((name) => `--project=${name}`)
    const result = run(process.execPath, [VITEST, 'run', ...projects, '--reporter=json', '--outputFile.json=release-loop-results.json'])
    const results = JSON.parse(await readFile(path.join(copy, 'release-loop-results.json'), 'utf8').catch(() => 'null')) as {
      numTotalTests: number
      testResults: Array<{name: string; status: string; message?: string; assertionResults: Array<{fullName: string; status: string; failureMessages: string[]}>}>
    } | null
    expect(results, result.output).not.toBeNull()
    const failures = results!.testResults.flatMap((entry) => {
      const where = path.relative(copy, entry.name)
      const failed = entry.assertionResults.filter((test) => test.status === 'failed')
      if (failed.length === 0) return entry.status === 'failed' ? [`${where}: ${entry.message ?? 'failed to load'}`] : []
      return failed.map((test) => `${where} > ${test.fullName}: ${(test.failureMessages[0] ?? '').split('\n').slice(0, 12).join('\n')}`)
    })
    expect(failures).toEqual([])
    expect(result.status, result.output).toBe(0)
    // Every project ran: the package's consumers and the content's own tests among them.
    const names = results!.testResults.map((entry) => path.relative(copy, entry.name))
    expect(names).toEqual(expect.arrayContaining(['test/api.test.ts', 'test/consumer.test.ts', 'test/fresh-clone.test.ts']))
  })

  // CI's package checks too: a budget the content's growth could break would fail the next editor's release.
  it.each(['lint:package', 'size'])('passes `npm run %s` on the released content, its budgets unedited', (script) => {
    const check = run('npm', ['run', script, '--silent'])
    expect(check.status, check.output).toBe(0)
  })
})
