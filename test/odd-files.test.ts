// Issue 11 case 3 and issue 9's symlink case: files that are not regular
// files, or far too large, where content belongs. Each is refused by its
// type or size before any byte of it is read, with a diagnostic naming it,
// and nothing hangs (a FIFO nobody writes to would block a plain read).
import {execFileSync} from 'node:child_process'
import {mkdir, rename, rm, symlink, truncate, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildGuide, diagnostics} from '../pipeline/index.js'
import {MAX_FILE_BYTES, MAX_MANIFEST_BYTES} from '../pipeline/limits.js'
import {HEAP_MB, type PipelineWorker, startPipelineWorker} from './budget.js'
import {STEP_FILE, materializeWith, validFile} from './fixture-content.js'

const mkfifo = (file: string): void => {
  execFileSync('mkfifo', [file])
}
// A sparse file: its size on disk is what `stat` says, yet it takes no space.
const sparse = async (file: string, bytes: number): Promise<void> => {
  await writeFile(file, '')
  await truncate(file, bytes)
}
const GIB = 2 ** 30
const LAST_STEP = 'steps/06-get-ready-for-number-three.md'

interface Case {
  readonly name: string
  /** Make the odd entry inside a copy of the valid content. */
  readonly make: (directory: string) => Promise<void>
  readonly file: string
  readonly ruleId: string
  readonly reason: string
}

const cases: readonly Case[] = [
  {
    name: 'a FIFO at manifest.json',
    make: async (directory) => mkfifo(path.join(directory, 'manifest.json')),
    file: 'manifest.json',
    ruleId: 'manifest',
    reason: 'Expected the manifest to be a regular file, found a named pipe (FIFO)',
  },
  {
    name: '/dev/zero linked at manifest.json',
    make: async (directory) => symlink('/dev/zero', path.join(directory, 'manifest.json')),
    file: 'manifest.json',
    ruleId: 'manifest',
    reason: 'Expected the manifest to be a regular file, found a symbolic link',
  },
  {
    name: '/dev/urandom linked at manifest.json',
    make: async (directory) => symlink('/dev/urandom', path.join(directory, 'manifest.json')),
    file: 'manifest.json',
    ruleId: 'manifest',
    reason: 'Expected the manifest to be a regular file, found a symbolic link',
  },
  {
    name: 'a 1.9 GB sparse manifest.json',
    make: async (directory) => sparse(path.join(directory, 'manifest.json'), Math.floor(1.9 * GIB)),
    file: 'manifest.json',
    ruleId: 'manifest',
    reason: `Expected the manifest to be at most ${MAX_MANIFEST_BYTES} bytes, found ${Math.floor(1.9 * GIB)}`,
  },
  {
    name: 'a FIFO at a step file',
    make: async (directory) => {
      await rm(path.join(directory, STEP_FILE))
      mkfifo(path.join(directory, STEP_FILE))
    },
    file: STEP_FILE,
    ruleId: 'content-files',
    reason: `Expected a regular file at \`${STEP_FILE}\`, found a named pipe (FIFO)`,
  },
  {
    name: '/dev/zero linked at guide.md',
    make: async (directory) => {
      await rm(path.join(directory, 'guide.md'))
      await symlink('/dev/zero', path.join(directory, 'guide.md'))
    },
    file: 'guide.md',
    ruleId: 'content-files',
    reason: 'Expected a regular file at `guide.md`, found a symbolic link; put the file itself here instead of a link to it',
  },
  {
    name: 'a 1.9 GB sparse step file',
    make: async (directory) => sparse(path.join(directory, STEP_FILE), Math.floor(1.9 * GIB)),
    file: STEP_FILE,
    ruleId: 'file-format',
    reason: `Expected at most ${MAX_FILE_BYTES} bytes, found ${Math.floor(1.9 * GIB)}`,
  },
  {
    name: 'a step file linked to a valid step elsewhere (issue 9)',
    make: async (directory) => {
      const outside = `${directory}-outside.md`
      await writeFile(outside, await validFile(STEP_FILE))
      await rm(path.join(directory, STEP_FILE))
      await symlink(outside, path.join(directory, STEP_FILE))
    },
    file: STEP_FILE,
    ruleId: 'content-files',
    reason: `Expected a regular file at \`${STEP_FILE}\`, found a symbolic link; put the file itself here instead of a link to it`,
  },
  {
    name: 'a folder named like a step file',
    make: async (directory) => mkdir(path.join(directory, 'steps/07-more.md')),
    file: 'steps/07-more.md',
    ruleId: 'content-files',
    reason: 'Expected a regular file at `steps/07-more.md`, found a folder',
  },
  {
    name: 'steps/ as a link to a folder of valid steps',
    make: async (directory) => {
      const outside = `${directory}-steps`
      await execFileSync('mv', [path.join(directory, 'steps'), outside])
      await symlink(outside, path.join(directory, 'steps'))
    },
    file: 'steps',
    ruleId: 'content-files',
    reason: 'Expected a folder at `steps`, found a symbolic link; put the file itself here instead of a link to it',
  },
  {
    // Issue 22, item 6: listed by readdir as `06-\uFFFD.md`, a name no file has, so the
    // last step was skipped and the content passed with one step fewer.
    name: 'a step file whose name is not valid UTF-8',
    make: async (directory) => rename(path.join(directory, LAST_STEP), Buffer.concat([Buffer.from(path.join(directory, 'steps/06-')), Buffer.from([0xff]), Buffer.from('.md')])),
    file: 'steps/06-\uFFFD.md',
    ruleId: 'content-files',
    reason: 'Expected a name in UTF-8 at `steps/06-\uFFFD.md`, found bytes that are not UTF-8 (shown as \uFFFD)',
  },
  {
    // Written as it is where the name goes: a `#:` reference of translation export's PO, which the newline broke.
    name: 'a step file whose name holds a line break',
    make: async (directory) => rename(path.join(directory, LAST_STEP), path.join(directory, 'steps/06-x\nmsgstr "y".md')),
    file: 'steps/06-x\nmsgstr "y".md',
    ruleId: 'content-files',
    reason: 'Expected a name without control characters (a line break, ESC) at `steps/06-x\nmsgstr "y".md`, found one holding U+000A',
  },
  {
    name: 'a file named steps',
    make: async (directory) => {
      await rm(path.join(directory, 'steps'), {recursive: true})
      await writeFile(path.join(directory, 'steps'), 'not a folder')
    },
    file: 'steps',
    ruleId: 'content-files',
    reason: 'Expected a folder at `steps`, found a regular file',
  },
]

describe('odd files where content belongs', () => {
  let worker: PipelineWorker
  beforeAll(async () => {
    worker = await startPipelineWorker()
  })
  afterAll(async () => {
    await worker.close()
  })

  it.each(cases)(`$name: one $ruleId error naming the file, within ${HEAP_MB} MB of heap`, async ({make, file, ruleId, reason}) => {
    const directory = await materializeWith({})
    try {
      await make(directory)
      const reply = await worker.build(directory)
      expect(reply.thrown).toBeUndefined()
      expect(reply.built).toBe(false)
      const found = reply.diagnostics.map((diagnostic) => ({...diagnostic, file: path.relative(directory, path.resolve(directory, diagnostic.file))}))
      expect(found).toEqual([expect.objectContaining({file, line: 1, column: 1, ruleId, reason, fatal: true})])
    } finally {
      await rm(directory, {recursive: true, force: true})
      await rm(`${directory}-outside.md`, {force: true})
      await rm(`${directory}-steps`, {recursive: true, force: true})
    }
  })
})

describe('files an operating system or an editor leaves', () => {
  it('are ignored wherever they are, not errors; any other stray file still is one', async () => {
    const dropped = ['.DS_Store', '._guide.md', 'Thumbs.db', 'desktop.ini', 'guide.md~', 'guide.md.bak', '.guide.md.swp', '.guide.md.swo', '.#guide.md', '#guide.md#']
    const files = Object.fromEntries(['', 'steps/', 'locales/'].flatMap((folder) => dropped.map((name) => [`${folder}${name}`, 'x'])))
    const directory = await materializeWith({...files, 'steps/02-make-a-plan.md.orig': 'x'})
    try {
      const result = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory})
      expect(diagnostics(result.files).map((d) => `${d.file}: ${d.ruleId}`)).toEqual(['steps/02-make-a-plan.md.orig: content-files'])
    } finally {
      await rm(directory, {recursive: true, force: true})
    }
  })
})
