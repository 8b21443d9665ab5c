import {escapeControl} from './color.js'
import type {Output} from './command.js'

/** A stream of the process: `process.stdout` or `process.stderr`. */
export interface ProcessStream {
  write(text: string): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  readonly isTTY?: boolean | undefined
}

/** The process's streams, guarded by {@link guardStreams}. */
export interface GuardedStreams {
  /** Writes to stdout until it fails, then nothing. */
  readonly stdout: Output
  /** Writes to stderr until it fails, then nothing. */
  readonly stderr: Output
  /** Whether a write failed for any reason but a closed pipe. */
  readonly failed: () => boolean
}

/**
 * Catch the errors a write to stdout or stderr ends in, which Node reports as
 * an `'error'` event and, unhandled, as a crash with a stack trace.
 *
 * A closed pipe (`EPIPE`: `… | head -n 1`, `… | true`) means the reader has
 * all it wants: later writes are dropped and the exit status is the
 * command's own. Any other failure (`ENOSPC` from `> /dev/full`, `EIO`…) is
 * one line on stderr and `onFailure`, which sets exit status 1.
 *
 * @param streams The process's stdout and stderr.
 * @param onFailure Called once, on the first failure that is not a closed pipe.
 * @returns Outputs that write to the streams while they work, and whether one failed.
 * @example
 *   const guarded = guardStreams(process, () => (process.exitCode = 1))
 */
export function guardStreams(streams: {readonly stdout: ProcessStream; readonly stderr: ProcessStream}, onFailure: () => void): GuardedStreams {
  let failed = false
  const broken = new Set<ProcessStream>()
  const fail = (): void => {
    if (failed) return
    failed = true
    onFailure()
  }
  const guard = (stream: ProcessStream, name: string): Output => {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      broken.add(stream)
      if (error.code === 'EPIPE') return
      // Told on stderr unless stderr is the stream that failed.
      if (!broken.has(streams.stderr)) streams.stderr.write(`ace-second-interview: cannot write to ${name}: ${escapeControl(error.message)}\n`)
      fail()
    })
    return {
      write: (text: string) => (broken.has(stream) ? false : stream.write(text)),
      isTTY: stream.isTTY,
    }
  }
  return {stdout: guard(streams.stdout, 'stdout'), stderr: guard(streams.stderr, 'stderr'), failed: () => failed}
}
