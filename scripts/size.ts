// Size budget: bundle every entry named in size-budget.json for the browser
// (everything it exports), minify, gzip -9, and fail when its code is over
// budget; then each package's install (its tarball unpacked), likewise. The
// content's data is measured and shown, never budgeted: it grows with each
// step, locale and release an editor adds. Needs dist/ (run `npm run build`
// first; CI runs it after `npm test`).
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {measureBundle, measureInstalls} from './bundle-size.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

// The bare specifier a consumer writes for a subpath of the exports map: `./render` → `ace-second-interview/render`.
const specifierFor = (name: string, subpath: string): string => (subpath === '.' ? name : `${name}/${subpath.replace(/^\.\//, '')}`)

interface Budget {
  /** Bytes of code (min+gzip) each entry may bundle, by subpath. */
  readonly budgets: Readonly<Record<string, number>>
  /** Subpaths that are the content itself (its JSON), measured but not budgeted. */
  readonly content?: readonly string[]
  /** Entries that run only under Node, bundled for Node instead of the browser. */
  readonly node?: readonly string[]
}

async function main(): Promise<number> {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {name: string; exports: Record<string, unknown>}
  const percent = (bytes: number, limit: number): string => `budget ${limit} B (${((100 * bytes) / limit).toFixed(1)}%)`
  const {budgets, content = [], node = []} = JSON.parse(await readFile(path.join(root, 'size-budget.json'), 'utf8')) as Budget
  let failed = false
  const rows: string[] = []
  // A pattern subpath (`./locales/*`) is measured for every locale the build generated.
  const {LOCALES} = await import('../src/generated/locales.js')
  const checks: Array<[string, string, number]> = []
  for (const [pattern, limit] of [...Object.entries(budgets), ...content.map((pattern) => [pattern, 0] as const)]) {
    if (!Object.hasOwn(pkg.exports, pattern) || typeof limit !== 'number' || !(limit > 0 || content.includes(pattern))) {
      process.stderr.write(`size: expected "${pattern}" in size-budget.json to be an exports subpath of package.json with a positive byte limit, received ${JSON.stringify(limit)}\n`)
      return 2
    }
    for (const subpath of pattern.includes('*') ? LOCALES.map((tag) => pattern.replace('*', tag)) : [pattern]) checks.push([pattern, subpath, limit])
  }
  for (const [pattern, subpath, limit] of checks) {
    const specifier = specifierFor(pkg.name, subpath)
    let size
    try {
      // A JSON subpath has only a default export; `export *` would bundle nothing.
      const source = subpath.endsWith('.json') ? `export {default} from '${specifier}'` : `export * from '${specifier}'`
      size = await measureBundle(source, root, node.includes(pattern) ? 'node' : 'browser')
    } catch (error) {
      process.stderr.write(`size: could not bundle ${specifier} (run \`npm run build\` first?): ${(error as Error).message}\n`)
      return 2
    }
    if (content.includes(pattern)) {
      rows.push(`-     ${specifier}: ${size.gzip} B min+gzip (${size.minified} B minified), the content itself: not budgeted`)
      continue
    }
    const over = size.code > limit
    failed ||= over
    rows.push(`${over ? 'over ' : 'ok   '} ${specifier}${node.includes(pattern) ? ' (Node)' : ''}: ${size.code} B min+gzip of code (${size.gzip} B with the content), ${percent(size.code, limit)}`)
  }
  for (const subpath of Object.keys(pkg.exports)) {
    if (subpath !== './package.json' && !Object.hasOwn(budgets, subpath) && !content.includes(subpath)) {
      // Every entry a consumer can import is budgeted: a new subpath needs a line there.
      rows.push(`over  ${specifierFor(pkg.name, subpath)}: no budget in size-budget.json; add one (or list it under content)`)
      failed = true
    }
  }
  // What `npm install` puts on disk: each package's files, as `npm pack` counts them.
  let installs
  try {
    installs = await measureInstalls(root, LOCALES.length)
  } catch (error) {
    process.stderr.write(`size: ${(error as Error).message}\n`)
    return 2
  }
  for (const {name, unpacked, content: data, code, limit, allowance} of installs) {
    const over = code > limit
    failed ||= over
    rows.push(`${over ? 'over ' : 'ok   '} install of ${name}: ${code} B of code unpacked (${unpacked} B with ${data} B of content), ${percent(code, limit)}${allowance === '' ? '' : ` (${allowance})`}`)
  }
  process.stdout.write(`${rows.join('\n')}\n`)
  if (failed) process.stderr.write('size: over budget. Make the bundle smaller; raise a budget only with a reason in the commit.\n')
  return failed ? 1 : 0
}

process.exitCode = await main()
