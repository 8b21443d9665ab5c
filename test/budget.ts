// A fixed time and memory budget for building one content folder, enforced
// from outside: the pipeline runs in a worker thread whose heap is capped
// (exceeding it kills the worker, which fails the case) and whose CPU time is
// measured (CPU, not wall-clock, time: other processes on a busy machine do
// not count against the case). A case that never finishes is stopped.
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {Worker} from 'node:worker_threads'
import {build} from 'esbuild'
import type {BudgetReply, BudgetRequest} from './budget-worker.js'
import {ROOT} from './helpers.js'

/** What one case may cost: CPU time, and the worker's whole heap. */
export const BUDGET = {cpuMs: 2000, heapMb: 200} as const

// Wall-clock time after which a case counts as hung (generous: the machine
// may be busy; the CPU budget is what the assertions hold).
const HANG_MS = 60_000

export type {BudgetReply} from './budget-worker.js'

/** A worker that builds content folders one at a time within {@link BUDGET}. */
export interface PipelineWorker {
  /**
   * Build one content folder.
   *
   * @returns What it cost and what it found.
   * @throws {Error} When the worker ran out of heap, died or hung.
   */
  build(directory: string): Promise<BudgetReply>
  /** Stop the worker and remove its bundle. */
  close(): Promise<void>
}

/**
 * Bundle the pipeline for a worker thread (vitest's transforms do not reach
 * workers) and start one with the heap budget as its hard limit and the main
 * thread's stack size, so stack depth behaves as in `npm run build`.
 */
export async function startPipelineWorker(): Promise<PipelineWorker> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'ace-budget-'))
  const bundle = path.join(scratch, 'budget-worker.cjs')
  await build({
    entryPoints: [path.join(ROOT, 'test/budget-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    logLevel: 'silent',
  })
  let worker = spawn(bundle)
  let next = 0
  return {
    async build(directory) {
      const id = next++
      const request: BudgetRequest = {id, directory}
      return new Promise<BudgetReply>((resolve, reject) => {
        const fail = (error: Error): void => {
          cleanup()
          // A dead or hung worker is replaced, so later cases still run.
          void worker.terminate()
          worker = spawn(bundle)
          reject(error)
        }
        const onMessage = (reply: BudgetReply): void => {
          if (reply.id !== id) return
          cleanup()
          resolve(reply)
        }
        const onError = (error: Error): void => {
          fail(
            (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new Error(`exceeded the ${BUDGET.heapMb} MB heap budget`)
              : error,
          )
        }
        const onExit = (code: number): void => fail(new Error(`the pipeline worker exited (${code})`))
        const timer = setTimeout(() => fail(new Error(`did not finish within ${HANG_MS} ms`)), HANG_MS)
        const cleanup = (): void => {
          clearTimeout(timer)
          worker.off('message', onMessage)
          worker.off('error', onError)
          worker.off('exit', onExit)
        }
        worker.on('message', onMessage)
        worker.on('error', onError)
        worker.on('exit', onExit)
        worker.postMessage(request)
      })
    },
    async close() {
      await worker.terminate()
      await rm(scratch, {recursive: true, force: true})
    },
  }
}

function spawn(bundle: string): Worker {
  return new Worker(bundle, {
    resourceLimits: {maxOldGenerationSizeMb: BUDGET.heapMb, stackSizeMb: 1},
  })
}
