// `node scripts/run-without-tsx.mjs <script.ts> [args…]`: runs a TypeScript
// script (`npm run build` runs scripts/build.ts so) as one ES module bundled
// by esbuild, without tsx. Node 20 runs tsx's loader hooks on a thread of
// their own, with a round trip for every module the script loads; for the
// build that was more than a second of its start-up, on the critical path.
// Packages stay imports (resolved from node_modules, as the file is written
// in node_modules/.cache); each source file's `import.meta.url` is its own
// path, as under tsx. Plain JavaScript, as it is what runs before any
// TypeScript can.
import {readdirSync, rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {bundlePath, bundleScript} from './bundle-script.mjs'

const [script, ...args] = process.argv.slice(2)
if (script === undefined || !script.endsWith('.ts')) {
  process.stderr.write(`run-without-tsx: expected a TypeScript script to run, received ${script === undefined ? 'none' : JSON.stringify(script)}\nusage: node scripts/run-without-tsx.mjs <script.ts> [args…]\n`)
  process.exit(2)
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const entry = path.resolve(script)
const scratch = path.join(root, 'node_modules', '.cache', 'ace-second-interview')
const outfile = bundlePath(root, entry)

// A build killed before its clean-up (SIGKILL, a closed terminal) leaves its
// scratch files, named for its process id: this bundle, the declarations
// worker's, the declarations' folder, dist's staging folder. Remove those of
// processes that are gone, so they do not pile up.
const alive = (pid) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}
for (const [folder, pattern] of [[scratch, /^[\w-]+-(\d+)(?:\.mjs)?$/], [root, /^dist\.staging-(\d+)$/]]) {
  let names = []
  try {
    names = readdirSync(folder)
  } catch {
    continue
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1])
    if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid)) rmSync(path.join(folder, name), {recursive: true, force: true})
  }
}

await bundleScript(entry, outfile, 'warning')
// The script reads its arguments from process.argv, as if run directly.
process.argv = [process.argv[0], entry, ...args]
try {
  await import(pathToFileURL(outfile).href)
} finally {
  rmSync(outfile, {force: true})
}
