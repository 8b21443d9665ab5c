// scripts/declarations.ts in a worker thread, so that the declarations (Oxc's
// emitter and rolldown; the plugin's JavaScript runs on this thread) are made
// while the main thread runs the pipeline and tsup. scripts/build.ts starts it
// without tsx (it runs this module bundled by esbuild), and the packages load
// as soon as the worker does, before there is anything to declare.
import {parentPort} from 'node:worker_threads'
import {type DeclarationEntry, writeDeclarations} from './declarations.js'

/** What the build asks of the worker. */
export interface DeclarationRequest {
  readonly root: string
  readonly outDir: string
  readonly entries: readonly DeclarationEntry[]
}

/** What the worker answers: done, or why not. */
export type DeclarationReply = {readonly ok: true} | {readonly ok: false; readonly message: string}

const preload = Promise.all([import('rolldown'), import('rolldown/experimental'), import('rolldown/utils'), import('rolldown-plugin-dts')])
parentPort?.on('message', (request: DeclarationRequest) => {
  void preload
    .then(() => writeDeclarations(request.root, request.outDir, request.entries))
    .then(
      () => parentPort?.postMessage({ok: true} satisfies DeclarationReply),
      (error: unknown) => parentPort?.postMessage({ok: false, message: error instanceof Error ? error.message : String(error)} satisfies DeclarationReply),
    )
})
