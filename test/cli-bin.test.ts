// The command line where what it prints does not come from the shipped guide:
// check on fixture content the tests own, bad arguments, output that cannot
// be written, hostile content, and what the bin imports. (What it prints of
// the shipped guide is test/cli.test.ts, which the release loop runs again on
// changed content.)
//
// Run in process (`cli`: cli/run.ts with captured streams), but for what only
// the built bin in a real process shows (`bin`, `node`: dist/cli.js spawned):
// - the shebang, the executable bit and the imports of dist/cli.js and the
//   check package's packages/check/dist/index.js (read, not run);
// - exit statuses reaching the shell: 2 for bad arguments, 1 from a check
//   that found errors, through the check package, which the bin loads at run
//   time (in process it is pipeline/check.ts);
// - stdout a closed pipe (EPIPE) or a full disk (/dev/full): Node's own
//   streams and cli/index.ts's guard decide what happens, one spawn per case;
// - steps, step and checklist from a copy of dist/ where the check package
//   cannot be found, and check, locales and translation naming its install.
import {spawn} from 'node:child_process'
import {closeSync, existsSync, openSync} from 'node:fs'
import {cp, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile} from 'node:fs/promises'
import {builtinModules} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {BIN, USAGE, bin, cli, node} from './bin.js'
import {checkContentCommand} from '../scripts/check-content.js'
import {FIXTURES, VALID_LOCALE, copyFixture, materialize, readExpectation} from './fixture-content.js'
import {ROOT} from './helpers.js'

// Several cases run the check a dozen times (each the whole lint), and cases
// run side by side: on a busy machine a case takes longer than the project's
// minute, which is not what these tests are about.
vi.setConfig({testTimeout: 5 * 60_000})

let scratch: string
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ace-cli-bin-'))
})
afterAll(async () => {
  await rm(scratch, {recursive: true, force: true})
})

describe.concurrent('ace-second-interview: bad arguments', () => {
  // The wording of every usage error is tested in test/cli-run.test.ts; here,
  // the shape: exit 2 with the reason, a blank line and the usage on stderr.
  it.each([
    {args: [], usage: `${USAGE} <command>`},
    {args: ['foo'], usage: `${USAGE} <command>`},
    {args: ['checklist', '--round', '99999999999999999999'], usage: `${USAGE} checklist`},
    {args: ['step', '99999999999999999999999'], usage: `${USAGE} step`},
    {args: ['checklist', '--round', '3', '--round', '4'], usage: `${USAGE} checklist`},
    {args: ['steps', '--locale', 'en_US'], usage: `${USAGE} steps`},
    {args: ['checklist', '--locale', ''], usage: `${USAGE} checklist`},
    {args: ['step', '1', '--locale', 'de--CH'], usage: `${USAGE} step`},
    {args: ['changes', '--since', '1.0.0', '--locale', 'x'], usage: `${USAGE} changes`},
  ])('$args: exit 2, a reason and the usage on stderr, nothing on stdout', async ({args, usage}) => {
    const run = await cli(args)
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    const [first, blank, ...rest] = run.stderr.split('\n')
    expect(first).toMatch(/^ace-second-interview( \w+)?: expected .*, received /)
    // What was typed, exactly: never rounded (1e+23) or normalised (100000000000000000000).
    for (const arg of args.filter((value) => /^\d{10,}$/.test(value))) expect(first).toContain(`"${arg}"`)
    expect(blank).toBe('')
    expect(rest.join('\n').startsWith(usage)).toBe(true)
  })

  it('the built bin exits 2 to the shell, with the same streams', async () => {
    const spawned = await bin(['foo'])
    expect(spawned).toEqual(await cli(['foo']))
    expect(spawned.status).toBe(2)
  })
})

// On fixture content the test owns: a project folder holding a copy of the
// valid fixture (six steps) as ./content. One case at a time: each runs the
// whole lint several times, CPU-bound, so running them side by side only
// stretches each past its timeout on a busy machine.
describe('ace-second-interview check', () => {
  const stepFile = 'steps/06-get-ready-for-number-three.md'

  async function copyContent(name: string): Promise<string> {
    const folder = path.join(scratch, name)
    await mkdir(folder)
    await copyFixture(path.join(FIXTURES, 'valid'), path.join(folder, 'content'))
    return folder
  }

  it('exits 0 on clean content, checking ./content by default', async () => {
    const folder = await copyContent('clean')
    // The fixture's own step count, not the shipped content's.
    const fixtureSteps = (await readdir(path.join(folder, 'content', 'steps'))).filter((name) => name.endsWith('.md')).length
    expect(await cli(['check'], {cwd: folder})).toEqual({status: 0, stdout: `check: content is clean (${fixtureSteps} steps)\n`, stderr: ''})
    expect(await cli(['check', '--format', 'json'], {cwd: folder})).toEqual({status: 0, stdout: '[]\n', stderr: ''})
  })

  it('reports a broken placeholder at its file:line:column and exits 1', async () => {
    const folder = await copyContent('broken')
    const file = path.join(folder, 'content', stepFile)
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('{next} interview, go back', '{nxet} interview, go back'))
    const lines = text.split('\n')
    const line = lines.findIndex((l) => l.includes('{next} interview, go back')) + 1
    const column = lines[line - 1]!.indexOf('{next}') + 1
    expect(line).toBeGreaterThan(0)

    await mkdir(path.join(folder, 'elsewhere'))
    // Paths are printed as the folder was given: relative as typed, absolute as typed (never ../../…).
    for (const {args, cwd, shown} of [
      {args: ['check'], cwd: folder, shown: 'content'},
      {args: ['check', 'content'], cwd: folder, shown: 'content'},
      {args: ['check', './content/'], cwd: folder, shown: 'content'},
      {args: ['check', '../content'], cwd: path.join(folder, 'elsewhere'), shown: '../content'},
      {args: ['check', path.join(folder, 'content')], cwd: folder, shown: path.join(folder, 'content')},
      {args: ['check', path.join(folder, 'content')], cwd: ROOT, shown: path.join(folder, 'content')},
    ]) {
      const run = await cli(args, {cwd})
      expect(run.status).toBe(1)
      expect(run.stderr).toBe('')
      const report = run.stdout.split('\n')
      expect(report[0]).toBe(
        `${shown}/${stepFile}:${line}:${column}: error Expected one of \`{round}\`, \`{previous}\`, \`{next}\`, found \`{nxet}\`; did you mean \`{next}\`?  known-placeholders`,
      )
      expect(report[1]).toMatch(/^ {2}tip: /)
      expect(report[2]).toBe('1 error, 0 warnings')
    }

    const json = await cli(['check', '--format', 'json'], {cwd: folder})
    expect(json.status).toBe(1)
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({file: `content/${stepFile}`, line, column, ruleId: 'known-placeholders', fatal: true}),
    ])

    // The built bin, through the check package it loads at run time: the same report, exit 1 to the shell.
    const spawned = await bin(['check'], {cwd: folder})
    expect(spawned).toEqual(await cli(['check'], {cwd: folder}))
    expect(spawned.status).toBe(1)
  })

  it('names a malformed manifest like every other file: under the folder as given', async () => {
    const folder = await copyContent('bad-manifest')
    await writeFile(path.join(folder, 'content', 'manifest.json'), 'not json')
    for (const given of ['content', path.join(folder, 'content')]) {
      const run = await cli(['check', given, '--format', 'json'], {cwd: folder})
      expect(run.status).toBe(1)
      const found = JSON.parse(run.stdout) as {file: string; ruleId: string}[]
      expect(found.filter((diagnostic) => diagnostic.ruleId === 'manifest').map((diagnostic) => diagnostic.file)).toEqual([`${given}/manifest.json`])
    }
  })

  it.each([
    {given: 'no-such-folder', found: 'nothing'},
    {given: 'no/such/folder', found: 'nothing'},
    {given: '/no/such/dir', found: 'nothing'},
    {given: 'package.json', found: 'a file'},
  ])('check $given: exit 2 and one line naming the path as given, nothing on stdout', async ({given, found}) => {
    for (const format of ['text', 'json', 'github']) {
      expect(await cli(['check', given, '--format', format])).toEqual({
        status: 2,
        stdout: '',
        stderr: `ace-second-interview check: expected [content-dir] to be a folder, found ${found} at ${JSON.stringify(given)}\n`,
      })
    }
  })

  it('--format json is what checkContent returns: every diagnostic with severity and its own tip', async () => {
    const folder = await copyContent('json-tips')
    const file = path.join(folder, 'content', stepFile)
    await writeFile(file, (await readFile(file, 'utf8')).replace('{next} interview, go back', '{nxet} interview, go back'))
    const run = await cli(['check', '--format', 'json'], {cwd: folder})
    expect(run.status).toBe(1)
    const {checkContent} = await import('../pipeline/check.js')
    const expected = await checkContent('content', {cwd: folder})
    expect(JSON.parse(run.stdout)).toEqual(expected.diagnostics)
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({severity: 'error', tip: expect.stringMatching(/\S/)})])
  })

  it('--format github prints one workflow command per diagnostic, with the rule as title and the tip on a second line', async () => {
    const folder = await copyContent('github')
    const file = path.join(folder, 'content', stepFile)
    await writeFile(file, (await readFile(file, 'utf8')).replace('{next} interview, go back', '{nxet} interview, go back'))
    const run = await cli(['check', '--format', 'github'], {cwd: folder})
    expect(run.status).toBe(1)
    expect(run.stderr).toBe('')
    const {checkContent} = await import('../pipeline/check.js')
    const [d] = (await checkContent('content', {cwd: folder})).diagnostics
    const escape = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
    expect(run.stdout).toBe(`::error file=content/${stepFile},line=${d!.line},col=${d!.column},title=known-placeholders::${escape(`${d!.reason}\ntip: ${d!.tip}`)}\n`)
    expect(await cli(['check', '--format', 'github'], {cwd: await copyContent('github-clean')})).toEqual({status: 0, stdout: '', stderr: ''})
  })

  // Issue 22, item 7: yaml's Node build prints its tokens to stdout when these are set.
  it('--format json stays JSON when LOG_STREAM and LOG_TOKENS are set, built or not', async () => {
    const folder = await copyContent('log-stream')
    const env = {LOG_STREAM: '1', LOG_TOKENS: '1'}
    expect(await bin(['check', '--format', 'json'], {cwd: folder, env})).toEqual({status: 0, stdout: '[]\n', stderr: ''})
    const logged = [vi.spyOn(console, 'log'), vi.spyOn(console, 'dir')]
    Object.assign(process.env, env)
    try {
      expect(await cli(['check', '--format', 'json'], {cwd: folder})).toEqual({status: 0, stdout: '[]\n', stderr: ''})
      for (const spy of logged) expect(spy).not.toHaveBeenCalled()
    } finally {
      delete process.env['LOG_STREAM']
      delete process.env['LOG_TOKENS']
      for (const spy of logged) spy.mockRestore()
    }
  })

  // Issue 22, item 4: what reaches a CI log or a terminal, in every format.
  it('escapes control and bidi characters from file names and translation.json in every format', async () => {
    const folder = await copyContent('hostile-name-formats')
    const name = 'steps/07-a\u001b]0;x\u0007\u202e\u0085.md'
    await cp(path.join(folder, 'content', stepFile), path.join(folder, 'content', name))
    await copyFixture(VALID_LOCALE, path.join(folder, 'content'))
    const record = path.join(folder, 'content', 'locales', 'es', 'translation.json')
    await writeFile(record, (await readFile(record, 'utf8')).replace('"locale": "es"', '"locale": "es\\u001b]0;x\\u0007\\u202e\\u0085"'))
    for (const format of ['text', 'github', 'json']) {
      const run = await cli(['check', '--format', format], {cwd: folder})
      expect(run.status).toBe(1)
      expect(run.stdout).toContain('07-a')
      expect(run.stdout).toContain('translation.json')
      expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
    }
    const json = await cli(['check', '--format', 'json'], {cwd: folder})
    expect((JSON.parse(json.stdout) as {file: string}[]).map((diagnostic) => diagnostic.file)).toContain(`content/${name}`)
  })
})

describe('check and check:content: translations behind, summarised', () => {
  it('print one line per locale naming --verbose, which prints each; JSON keeps each', async () => {
    const folder = await materialize('translation-missing/missing-step')
    const {reason} = await readExpectation('translation-missing/missing-step')
    const line = (command: string) => `locales/es: 1 warning that the translation is behind the source (1 translation-missing); \`${command}\` lists each`
    const inFull = (run: {stdout: string}) => run.stdout.includes(reason)
    const bin = await cli(['check', '.'], {cwd: folder})
    // The folder as given, quoted for a shell and escaped for the terminal.
    expect(bin.stdout.split('\n')).toEqual([line('npx ace-second-interview check . --verbose'), '0 errors, 1 warning', ''])
    await rename(folder, `${folder} it's\x1b`)
    expect((await cli(['check', `${path.basename(folder)} it's\x1b`], {cwd: path.dirname(folder)})).stdout).toContain(`\`npx ace-second-interview check '${path.basename(folder)} it'\\''s\\x1b' --verbose\` lists each`)
    await rename(`${folder} it's\x1b`, folder)
    expect(inFull(await cli(['check', '.', '--verbose'], {cwd: folder}))).toBe(true)
    expect(inFull(await cli(['check', '.', '--format', 'json'], {cwd: folder}))).toBe(true)
    const script = async (args: string[]) => {
      let stdout = ''
      await checkContentCommand(args, {stdout: {write: (text: string) => (stdout += text)}, stderr: {write: () => true}, env: {}, cwd: folder})
      return {stdout}
    }
    expect((await script(['.'])).stdout).toContain(line('npm run check:content -- . --verbose'))
    expect(inFull(await script(['.', '--verbose']))).toBe(true)
    await rm(folder, {recursive: true, force: true})
  })
})

describe.concurrent('ace-second-interview: output that cannot be written', () => {
  /** Run the bin with stdout a pipe whose reader has gone, as `… | head -n 0` and `… | true` leave it. */
  function closedPipe(args: readonly string[]): Promise<{status: number | null; stderr: string}> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], {cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe']})
      // Closed before the bin (≥ 50 ms to start) writes a byte.
      child.stdout.destroy()
      let stderr = ''
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
      child.on('error', reject)
      child.on('close', (status) => resolve({status, stderr}))
    })
  }

  it.each([['steps'], ['checklist', '--format', 'json'], ['step', '1', '--format', 'markdown'], ['--help']])(
    '%s into a closed pipe ends quietly with status 0',
    async (...args) => {
      expect(await closedPipe(args)).toEqual({status: 0, stderr: ''})
    },
  )

  it('keeps the command\'s own status into a closed pipe (check: 1 for errors)', async () => {
    const folder = path.join(scratch, 'pipe-broken')
    await mkdir(folder)
    expect(await closedPipe(['check', folder])).toEqual({status: 1, stderr: ''})
  })

  it.skipIf(!existsSync('/dev/full')).each([['steps'], ['checklist'], ['step', '2', '--format', 'json']])(
    '%s > /dev/full: one line on stderr, status 1',
    async (...args) => {
      const full = openSync('/dev/full', 'w')
      try {
        const run = await node([BIN, ...args], {stdout: full})
        expect(run.status).toBe(1)
        expect(run.stderr).toMatch(/^ace-second-interview: cannot write to stdout: ENOSPC: no space left on device, write\n$/)
      } finally {
        closeSync(full)
      }
    },
  )
})

// On the valid fixture (one locale, so one spelling dictionary to load): what
// is tested is the escaping of what the check prints, not the shipped content.
describe.concurrent('ace-second-interview: hostile content reaches the terminal escaped', () => {
  const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/

  it('check: a front-matter key that writes the clipboard and clears the screen is shown, not obeyed', async () => {
    const folder = path.join(scratch, 'hostile-key')
    await copyFixture(path.join(FIXTURES, 'valid'), folder)
    const [first] = (await readdir(path.join(folder, 'steps'))).sort()
    const file = path.join(folder, 'steps', first!)
    const text = await readFile(file, 'utf8')
    // YAML's double-quoted "\e" and "\a" are ESC and BEL.
    await writeFile(file, text.replace(/^---\n/, '---\n"\\e]52;c;aGk=\\a\\e[2J": x\n'))
    const run = await cli(['check', folder])
    expect(run.status).toBe(1)
    expect(run.stdout).not.toMatch(CONTROL)
    // The control-characters rule names each escape where it is written.
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe(`${folder}/steps/${first}:2:2: error Expected visible text, found U+001B (ESC), a control character written as \`\\e\`  control-characters`)
    expect(lines.at(-1)).toBe('3 errors, 0 warnings')
  })

  it('check: a file named to forge a diagnostic line stays on its own line, escaped', async () => {
    const folder = path.join(scratch, 'hostile-name')
    await copyFixture(path.join(FIXTURES, 'valid'), folder)
    const name = 'evil\u001B[2J\nfake.md:1:1: ok'
    await writeFile(path.join(folder, 'steps', name), '')
    const run = await cli(['check', folder])
    expect(run.status).toBe(1)
    expect(run.stdout).not.toMatch(CONTROL)
    const lines = run.stdout.trimEnd().split('\n')
    // One diagnostic, its tip and the count: no forged line.
    expect(lines).toHaveLength(3)
    expect(lines[0]!.startsWith(`${folder}/steps/evil\\x1b[2J\\x0afake.md:1:1: ok:1:1: error `)).toBe(true)
    expect(lines.filter((line) => line.startsWith('fake.md'))).toEqual([])
  })
})

describe.concurrent('ace-second-interview: the built bin', () => {
  it('is the package\'s bin, executable, with a node shebang', async () => {
    const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {bin: Record<string, string>}
    expect(manifest.bin).toEqual({'ace-second-interview': './dist/cli.js'})
    expect((await stat(BIN)).mode & 0o111).toBe(0o111)
    expect((await readFile(BIN, 'utf8')).split('\n')[0]).toBe('#!/usr/bin/env node')
  })

  it('imports nothing but Node\'s built-in modules and the package\'s own main entry (#main, which loads a locale when --locale asks), and the check package (#check) only on demand', async () => {
    for (const file of ['dist/cli.js', 'packages/check/dist/index.js']) {
      const code = await readFile(path.join(ROOT, file), 'utf8')
      // Static imports, one a line or (dist/cli.js is minified) after a `;`.
      const specifiers = [...code.matchAll(/(?:^|;)import\s*(?:[\w*{][^'"]*?from\s*)?['"]([^'"]+)['"]/gm)].map((match) => match[1]!)
      expect(specifiers.length, file).toBeGreaterThan(0)
      for (const specifier of specifiers.filter((name) => file !== 'dist/cli.js' || name !== '#main')) expect(builtinModules, file).toContain(specifier.replace(/^node:/, ''))
      if (file === 'dist/cli.js') expect(specifiers).toContain('#main')
      // (`{import('x').T}` is a JSDoc type in a bundled dependency's comment, not an import.)
      const dynamic = [...code.matchAll(/(?<!\{)\bimport\(\s*['"]([^'"]+)['"]/g)].map((match) => match[1]!)
      expect(dynamic.filter((specifier) => !specifier.startsWith('node:')).sort(), file).toEqual(file === 'dist/cli.js' ? ['#check'] : [])
      // Bundled CommonJS code (yaml) requires through a createRequire shim: built-ins only.
      for (const [, name] of code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        expect(builtinModules, file).toContain(name!.replace(/^node:/, ''))
      }
    }
  })

  it('loads the check package (packages/check/dist) from `node -e`, whose CommonJS globals (__filename is "[eval]") must not mislead its ES module', async () => {
    const entry = path.join(ROOT, 'packages/check/dist/index')
    for (const script of [`import(${JSON.stringify(pathToFileURL(`${entry}.js`).href)}).then((api) => console.log(api.rules.length))`, `console.log(require(${JSON.stringify(`${entry}.cjs`)}).rules.length)`]) {
      const run = await node(['-e', script], {cwd: scratch})
      expect(run, script).toMatchObject({status: 0, stderr: '', stdout: expect.stringMatching(/^[1-9]\d*\n$/)})
    }
  })

  it('runs steps, step and checklist without the check package, and check, locales and translation exit 2 naming its install', async () => {
    // A copy of the package outside the repository, where no node_modules has the check package.
    const copy = path.join(scratch, 'no-pipeline')
    await cp(path.join(ROOT, 'dist'), path.join(copy, 'dist'), {recursive: true})
    await cp(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'))
    for (const args of [['steps'], ['step', '2'], ['checklist', '--round', '3'], ['--version'], ['--help']]) {
      const run = await node([path.join(copy, 'dist/cli.js'), ...args])
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0)
      expect(run.stdout).toBe((await cli(args)).stdout)
    }
    for (const args of [['check'], ['check', '--watch'], ['locales'], ['translation', 'import', 'x.po']]) {
      const run = await node([path.join(copy, 'dist/cli.js'), ...args])
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.stderr).toBe(
        `ace-second-interview ${args[0]}: expected the content check, ace-second-interview-check, to be installed, found none; install it with \`npm install --save-dev ace-second-interview-check\`\n`,
      )
    }
  })
})
