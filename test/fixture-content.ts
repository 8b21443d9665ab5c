import {cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
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

/**
 * Make a content folder for a fixture: a temporary copy of `valid/` with the
 * fixture's files laid over it and its `delete` list removed.
 *
 * @returns The folder; the caller removes it.
 */
export async function materialize(fixture: string): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), 'ace-fixture-'))
  await cp(path.join(FIXTURES, 'valid'), directory, {recursive: true})
  const expected = await readExpectation(fixture)
  if (expected.locales === true) await cp(VALID_LOCALE, directory, {recursive: true})
  const source = path.join(FIXTURES, fixture)
  await cp(source, directory, {recursive: true, filter: (from) => path.basename(from) !== 'expected.json'})
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
  if (fromValid) await cp(path.join(FIXTURES, 'valid'), directory, {recursive: true})
  for (const [file, value] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(directory, file)), {recursive: true})
    await writeFile(path.join(directory, file), value)
  }
  return directory
}
