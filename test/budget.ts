// A memory bound for building one content folder, enforced from outside: the
// pipeline runs in a worker thread whose heap is capped, so a case whose
// memory runs away kills the worker and fails, however busy the machine is.
// Time is not bounded here (a busy machine must not fail a case): one that
// never finishes is caught by vitest's test timeout, and close() stops it.
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {Worker} from 'node:worker_threads'
import {build} from 'esbuild'
import type {BudgetReply, BudgetRequest} from './budget-worker.js'
import {ROOT} from './helpers.js'

/**
 * The worker's heap limit, in MB. Building the valid fixture leaves about
 * 13 MB live, and one hostile file adds at most MAX_FILE_BYTES (16 KiB) of
 * input, so only memory that grows out of proportion to the input reaches it.
 */
export const HEAP_MB = 200

export type {BudgetReply} from './budget-worker.js'

/** A worker that builds content folders one at a time within {@link HEAP_MB} of heap. */
export interface PipelineWorker {
  /**
   * Build one content folder.
   *
   * @returns What it found.
   * @throws {Error} When the worker ran out of heap or died.
   */
  build(directory: string): Promise<BudgetReply>
  /** Stop the worker and remove its bundle. */
  close(): Promise<void>
}

/**
 * Bundle the pipeline for a worker thread (vitest's transforms do not reach
 * workers) and start one with {@link HEAP_MB} as its hard limit and the main
 * thread's stack size, so stack depth behaves as in `npm run build`.
 */
export async function startPipelineWorker(): Promise<PipelineWorker> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'ace-budget-'))
  const bundle = path.join(scratch, 'budget-worker.cjs')
  await writeFile(bundle, await bundled())
  let worker = spawn(bundle)
  let next = 0
  return {
    async build(directory) {
      const id = next++
      const request: BudgetRequest = {id, directory}
      return new Promise<BudgetReply>((resolve, reject) => {
        const fail = (error: Error): void => {
          cleanup()
          // A dead worker is replaced, so later cases still run.
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
              ? new Error(`exceeded the ${HEAP_MB} MB heap limit`)
              : error,
          )
        }
        const onExit = (code: number): void => fail(new Error(`the pipeline worker exited (${code})`))
        const cleanup = (): void => {
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

// The bundle's text, made once per process however many workers start.
let text: Promise<string> | undefined
function bundled(): Promise<string> {
  text ??= build({
    entryPoints: [path.join(ROOT, 'test/budget-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: 'budget-worker.cjs',
    write: false,
    logLevel: 'silent',
  }).then(({outputFiles}) => outputFiles[0]!.text)
  return text
}

function spawn(bundle: string): Worker {
  return new Worker(bundle, {
    resourceLimits: {maxOldGenerationSizeMb: HEAP_MB, stackSizeMb: 1},
  })
}
