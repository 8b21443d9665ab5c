import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {ROOT} from './helpers.js'

/** The folder holding `valid/` and one folder per broken fixture. */
export const FIXTURES = path.join(ROOT, 'test/fixtures')

/** What a broken fixture expects: its single diagnostic, and files to remove from `valid/`. */
export interface FixtureExpectation {
  readonly file: string
  readonly line: number
  readonly column: number
  readonly ruleId: string
  readonly reason: string
  /** Paths (relative to the content folder) removed from the copy of `valid/`. */
  readonly delete?: readonly string[]
  /** `warning` for a rule that does not fail the build (default `error`). */
  readonly severity?: 'error' | 'warning'
  /** Whether the case starts from `valid/` plus `valid-locale/` (a complete, current translation). */
  readonly locales?: boolean
}

/**
 * A complete translation of `valid/` into `es`, marked current
 * (`locales/es/`, with its translation.json): laid over `valid/` by cases
 * that say `"locales": true`.
 */
export const VALID_LOCALE = path.join(FIXTURES, 'valid-locale')

/** Every folder under `test/fixtures/` that has an `expected.json`, relative to it, sorted. */
export async function brokenFixtures(): Promise<string[]> {
  const names = await readdir(FIXTURES, {recursive: true})
  return names
    .filter((name) => path.basename(name) === 'expected.json')
    .map((name) => path.dirname(name).split(path.sep).join('/'))
    .sort()
}

/** Read a fixture's `expected.json`. */
export async function readExpectation(fixture: string): Promise<FixtureExpectation> {
  return JSON.parse(await readFile(path.join(FIXTURES, fixture, 'expected.json'), 'utf8')) as FixtureExpectation
}

// The files of a fixture folder, read once: fs.cp stats every path on both
// sides as it copies, about ten milliseconds of CPU a copy of valid/, and the
// suite makes hundreds.
const read = new Map<string, Promise<ReadonlyMap<string, Uint8Array>>>()

function filesOf(folder: string): Promise<ReadonlyMap<string, Uint8Array>> {
  let files = read.get(folder)
  if (files === undefined) {
    files = readdir(folder, {recursive: true, withFileTypes: true}).then(async (entries) => {
      const found = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))
      return new Map(await Promise.all(found.map(async (file) => [path.relative(folder, file), await readFile(file)] as const)))
    })
    read.set(folder, files)
  }
  return files
}

/**
 * Copy a fixture folder's files into a folder (made if missing), over what
 * is there: what `cp(folder, directory, {recursive: true})` does with the
 * fixtures' plain files and folders.
 *
 * @param folder A folder under test/fixtures/, or another that does not change
 *   while the tests run (its files are read once per process).
 * @param directory Where to write them.
 * @param skip Names of files not to copy.
 */
export async function copyFixture(folder: string, directory: string, skip: readonly string[] = []): Promise<void> {
  const made = new Set<string>()
  for (const [file, bytes] of await filesOf(folder)) {
    if (skip.includes(path.basename(file))) continue
    const target = path.join(directory, file)
    if (!made.has(path.dirname(target))) await mkdir(path.dirname(target), {recursive: true})
    made.add(path.dirname(target))
    await writeFile(target, bytes)
  }
}

/**
 * Make a content folder for a fixture: a temporary copy of `valid/` with the
 * fixture's files laid over it and its `delete` list removed.
 *
 * @returns The folder; the caller removes it.
 */
export async function materialize(fixture: string): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), 'ace-fixture-'))
  await copyFixture(path.join(FIXTURES, 'valid'), directory)
  const expected = await readExpectation(fixture)
  if (expected.locales === true) await copyFixture(VALID_LOCALE, directory)
  await copyFixture(path.join(FIXTURES, fixture), directory, ['expected.json'])
  for (const file of expected.delete ?? []) await rm(path.join(directory, file), {recursive: true})
  return directory
}

/** A step file of the valid fixture that hostile tests replace. */
export const STEP_FILE = 'steps/04-show-your-colours.md'

/** Read a file of the valid fixture as text. */
export async function validFile(file: string): Promise<string> {
  return readFile(path.join(FIXTURES, 'valid', file), 'utf8')
}

/**
 * Make a content folder: a temporary copy of `valid/` (unless `fromValid` is
 * false) with some files replaced or added by the given text or bytes.
 *
 * @returns The folder; the caller removes it.
 */
export async function materializeWith(files: Readonly<Record<string, string | Uint8Array>>, fromValid = true): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), 'ace-content-'))
  if (fromValid) await copyFixture(path.join(FIXTURES, 'valid'), directory)
  for (const [file, value] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(directory, file)), {recursive: true})
    await writeFile(path.join(directory, file), value)
  }
  return directory
}
