// Every fenced block in README.md, CONTRIBUTING.md and content/README.md is
// checked, so the docs cannot drift from the code (issue 10, item 3):
// - js/jsx/ts/tsx (and an html block's module scripts) are type-checked as a
//   consumer's files against the packed package; plain Node blocks also run;
// - json is parsed; sh lines run against the packed bin (exit 0, or the
//   status a trailing `# exit N` comment names), or are listed below as
//   illustrative, each with the reason;
// - a block in any other language fails until it gets a checker or a reason.
// Blocks are found generically: a new block in any of them is covered as is.
import {spawnSync} from 'node:child_process'
import {cp, mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest'
import {ROOT} from './helpers.js'
import {type Block, READMES, fencedBlocks, projectWithDevDependencies} from './readme-blocks.js'

const NAME = 'ace-second-interview'
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc')

// Not code: shown as is, with the reason they are not run.
const NOT_CODE: Readonly<Record<string, string>> = {
  text: 'sample output or a diagram, not something to run',
  markdown: 'a content file as an editor writes it; the lint rules have their own fixtures (test/fixtures/)',
}

// Shell lines that are shown but not run, and why. Anything else in an sh
// block must be an `npx ace-second-interview …` line, which is run.
const ILLUSTRATIVE: ReadonlyArray<{readonly pattern: RegExp; readonly reason: string}> = [
  {pattern: /^npm install (?:--save-dev )?ace-second-interview(?:-check)?$/, reason: 'needs the registry; the tests install the packed tarballs instead (test/setup/packed.ts)'},
  {pattern: /^npm ci && npm run build$/, reason: 'installs and builds this repository: what runs before these tests can'},
  {pattern: /^npm (test|run test:(package|releases))$/, reason: 'runs this very test suite'},
  {pattern: /^npm run (build|check:content|content:version|content:translated|bench|example|size|lint:package)\b/, reason: 'a repository script, tested by its own test file'},
]

const SCRIPT_LANGS = new Set(['js', 'javascript', 'mjs', 'cjs', 'jsx', 'ts', 'typescript', 'mts', 'cts', 'tsx'])
const SHELL_LANGS = new Set(['sh', 'shell', 'bash', 'console'])

const blocks = (await Promise.all(READMES.map(async (file) => fencedBlocks(file, await readFile(path.join(ROOT, file), 'utf8'))))).flat()
const where = (block: Block): string => `${block.file}:${block.line}`

/** The module scripts of an html block, as code. */
function moduleScripts(html: string): string[] {
  return [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((match) => match[1]!)
}

/** The file a script block is checked as: ESM unless it only `require`s. */
function fileFor(block: Block, index: number, code: string): string {
  const base = `block-${index}-${block.file.replace(/\W+/g, '-')}-${block.line}`
  const cjs = /\brequire\(/.test(code) && !/^\s*import\s/m.test(code)
  switch (block.lang) {
    case 'ts':
    case 'typescript':
    case 'mts':
      return `${base}.mts`
    case 'cts':
      return `${base}.cts`
    case 'tsx':
      return `${base}.tsx`
    case 'jsx':
      return `${base}.jsx`
    default:
      return `${base}.${cjs ? 'cjs' : 'mjs'}`
  }
}

let project: string

beforeAll(async () => {
  project = await projectWithDevDependencies(inject('packed'), 'readme-tests')
})

afterAll(async () => {
  if (project !== undefined) await rm(project, {recursive: true, force: true})
})

describe('the READMEs', () => {
  it('have code blocks, each in a language the test knows', () => {
    expect(blocks.length).toBeGreaterThan(0)
    const known = new Set([...SCRIPT_LANGS, ...SHELL_LANGS, 'json', 'html', ...Object.keys(NOT_CODE)])
    const unknown = blocks.filter((block) => !known.has(block.lang)).map((block) => `${where(block)} (\`\`\`${block.lang || '(no language)'})`)
    expect(unknown, 'give each block a language this test checks, or add it to NOT_CODE with a reason').toEqual([])
  })

  it('type-check every script block (and html module script) as a consumer of the packed package', async () => {
    const files: Array<{file: string; block: Block}> = []
    for (const [index, block] of blocks.entries()) {
      const codes = SCRIPT_LANGS.has(block.lang) ? [block.code] : block.lang === 'html' ? moduleScripts(block.code) : []
      for (const code of codes) {
        const file = fileFor(block, index, code)
        await writeFile(path.join(project, file), code)
        files.push({file, block})
      }
    }
    expect(files.length).toBeGreaterThan(0)
    const common = {
      target: 'es2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      lib: ['es2022', 'dom', 'dom.iterable'],
      types: ['node'],
      jsx: 'react-jsx',
      noEmit: true,
      skipLibCheck: true,
      // Each block is a module of its own.
      moduleDetection: 'force',
      resolveJsonModule: true,
    }
    const configs = [
      // TypeScript blocks as a strict project compiles them.
      {name: 'tsconfig.ts.json', options: {...common, strict: true, exactOptionalPropertyTypes: true}, files: files.filter(({file}) => /\.(m|c)?tsx?$/.test(file))},
      // JavaScript blocks as an editor checks them: every call's types, no annotations demanded.
      {name: 'tsconfig.js.json', options: {...common, allowJs: true, checkJs: true, strict: false}, files: files.filter(({file}) => /\.(m|c)?jsx?$/.test(file))},
    ]
    for (const config of configs) {
      if (config.files.length === 0) continue
      await writeFile(path.join(project, config.name), JSON.stringify({compilerOptions: config.options, files: config.files.map(({file}) => file)}))
      const run = spawnSync(process.execPath, [TSC, '-p', config.name, '--pretty', 'false'], {cwd: project, encoding: 'utf8'})
      // Name the README line, not the scratch file.
      const output = (run.stdout + run.stderr).replace(/block-\d+-[\w-]+?-(\d+)\.\w+/g, (whole) => {
        const entry = files.find(({file}) => file === whole)
        return entry === undefined ? whole : `${where(entry.block)} (${whole})`
      })
      expect(output, config.name).toBe('')
      expect(run.status).toBe(0)
    }
  }, 180_000)

  // Plain JavaScript runs in Node too, unless it needs a page (a DOM, storage,
  // an app to mount) or the network (tests never use the network). The Vue
  // recipe is mounted in a DOM by test/e2e/vue.test.ts.
  const runnable = blocks.filter((block) => ['js', 'javascript', 'mjs', 'cjs'].includes(block.lang) && !/\b(document|window|localStorage|location|navigator|fetch)\b|\.mount\(/.test(block.code))
  it.each(runnable.map((block) => [where(block), block] as const))('runs the Node block at %s', async (_where, block) => {
    const file = fileFor(block, blocks.indexOf(block), block.code).replace(/^block/, 'run')
    await writeFile(path.join(project, file), block.code)
    const run = spawnSync(process.execPath, [file], {cwd: project, encoding: 'utf8', timeout: 30_000})
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  it.each(blocks.filter((block) => block.lang === 'json').map((block) => [where(block), block] as const))('parses the JSON block at %s', (_where, block) => {
    expect(() => JSON.parse(block.code)).not.toThrow()
  })

  it.each(blocks.filter((block) => block.lang === 'html').map((block) => [where(block), block] as const))(
    'the html block at %s imports only through an import map of paths the package exports',
    async (_where, block) => {
      const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {exports: Record<string, {import?: {default?: string}} | string>}
      const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(block.code)
      const specifiers = moduleScripts(block.code).flatMap((code) => [...code.matchAll(/from '([^']+)'/g)].map((match) => match[1]!))
      expect(specifiers.length).toBeGreaterThan(0)
      // Bare specifiers only, resolved by the page's import map to the files
      // the exports map names: never a dist/ path the package does not export.
      const imports = map === null ? {} : (JSON.parse(map[1]!) as {imports: Record<string, string>}).imports
      for (const specifier of specifiers) {
        expect(specifier, 'a bare specifier').toMatch(new RegExp(`^${NAME}(/|$)`))
        const subpath = specifier === NAME ? '.' : `.${specifier.slice(NAME.length)}`
        const target = manifest.exports[subpath]
        const file = typeof target === 'string' ? target : target?.import?.default
        expect(file, `${specifier} is exported`).toBeDefined()
        expect(imports[specifier]).toBe(`./node_modules/${NAME}/${file!.replace(/^\.\//, '')}`)
      }
    },
  )

  const shellLines = blocks
    .filter((block) => SHELL_LANGS.has(block.lang))
    .flatMap((block) =>
      block.code
        .split('\n')
        // A trailing `# exit 2` (or `# exits 2`) says the command is shown failing on purpose.
        .map((line, offset) => ({block, line: offset, command: line.replace(/(^|\s)#.*$/, '').trim(), status: Number(/#.*\bexits? (\d+)\b/.exec(line)?.[1] ?? 0)}))
        .filter(({command}) => command !== ''),
    )

  it('lists a reason for every shell line it does not run', () => {
    const unknown = shellLines
      .filter(({command}) => !command.startsWith(`npx ${NAME}`) && !ILLUSTRATIVE.some(({pattern}) => pattern.test(command)))
      .map(({block, line, command}) => `${block.file}:${block.line + 1 + line}: ${command}`)
    expect(unknown, 'run it (npx ace-second-interview …) or add it to ILLUSTRATIVE with a reason').toEqual([])
  })

  const cliLines = shellLines.filter(({command}) => command.startsWith(`npx ${NAME}`))
  it.each(cliLines.map((entry) => [`${entry.block.file}:${entry.block.line + 1 + entry.line}`, entry.command, entry.status] as const))('runs `%s` against the packed bin: %s (exit %i)', async (_where, command, status) => {
    // `npx ace-second-interview` is the installed bin; `path/to/content` a copy of content/.
    const cwd = await mkdtempIn(project)
    await cp(path.join(ROOT, 'content'), path.join(cwd, 'path/to/content'), {recursive: true})
    const bin = path.join(project, 'node_modules', NAME, 'dist/cli.js')
    const run = spawnSync('bash', ['-c', command.replace(`npx ${NAME}`, `node ${JSON.stringify(bin)}`)], {cwd, encoding: 'utf8', timeout: 30_000, env: {...process.env, NO_COLOR: '1'}})
    if (status === 0) expect(run.stderr).toBe('')
    expect(run.status).toBe(status)
  })
})

let scratchCount = 0
async function mkdtempIn(parent: string): Promise<string> {
  const folder = path.join(parent, `cwd-${scratchCount++}`)
  await mkdir(folder)
  return folder
}

describe('content/README.md', () => {
  it('refers only to files in the repository', async () => {
    const text = await readFile(path.join(ROOT, 'content/README.md'), 'utf8')
    const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/.test(target))
    // Code spans that name a file by a concrete path (placeholders such as
    // `steps/NN-step-id.md` have capitals and are patterns, not files).
    const spans = [...text.matchAll(/`([a-z0-9._-]+(?:\/[a-z0-9._-]+)+)`/g)].map((match) => match[1]!)
    const missing: string[] = []
    for (const target of [...links, ...spans]) {
      const candidates = [path.join(ROOT, 'content', target), path.join(ROOT, target)]
      const found = await Promise.all(candidates.map((candidate) => readFile(candidate).then(() => true, (error: NodeJS.ErrnoException) => error.code === 'EISDIR')))
      if (!found.some(Boolean)) missing.push(target)
    }
    expect(missing).toEqual([])
  })
})
