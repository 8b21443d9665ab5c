// Runs in a worker thread (bundled by test/budget.ts): builds one content
// folder through the whole pipeline (load, lint, compile, render, emit) and
// says what it found. Kept apart so the worker's heap limit bounds the case's
// memory, and so a case that runs away can be stopped.
import {parentPort} from 'node:worker_threads'
import {buildGuide, buildRules, diagnostics, emitDataModule, emitRenderModule} from '../pipeline/index.js'

/** What the test asks the worker to build. */
export interface BudgetRequest {
  readonly id: number
  readonly directory: string
}

/** What the worker reports for one case. */
export interface BudgetReply {
  readonly id: number
  /** The failure's stack, when the pipeline threw (it must not). */
  readonly thrown?: string
  /** Whether the content built (a guide, render data and both modules). */
  readonly built: boolean
  readonly diagnostics: ReturnType<typeof diagnostics>
  /** Bytes of the two generated modules, when it built. */
  readonly emitted: number
  /**
   * How deep the generated data nests (objects and arrays), when it built:
   * what the type checker recurses through when it compiles the modules.
   */
  readonly depth: number
}

const port = parentPort
if (port === null) throw new Error('budget-worker: expected to run in a worker thread')

port.on('message', (request: BudgetRequest) => {
  void run(request).then((reply) => port.postMessage(reply))
})

async function run({id, directory}: BudgetRequest): Promise<BudgetReply> {
  try {
    // What `npm run build` runs: every rule but spelling (the editor's check).
    const result = await buildGuide({contentDir: directory, version: '0.0.0', cwd: directory, rules: buildRules})
    const emitted =
      result.guide === undefined || result.render === undefined
        ? 0
        : emitDataModule(result.guide, result.ordinals).length + emitRenderModule(result.render).length
    const depth = emitted === 0 ? 0 : Math.max(jsonDepth(result.guide), jsonDepth(result.render))
    return {id, built: emitted > 0, diagnostics: diagnostics(result.files), emitted, depth}
  } catch (error) {
    return {id, thrown: error instanceof Error ? (error.stack ?? error.message) : String(error), built: false, diagnostics: [], emitted: 0, depth: 0}
  }
}

// Deepest nesting of objects and arrays in a JSON value, without recursion.
function jsonDepth(value: unknown): number {
  let deepest = 0
  const stack: Array<[unknown, number]> = [[value, 0]]
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [node, depth] = entry
    if (typeof node !== 'object' || node === null) continue
    deepest = Math.max(deepest, depth + 1)
    for (const child of Object.values(node)) stack.push([child, depth + 1])
  }
  return deepest
}
