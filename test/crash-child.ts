// Run by tests in a child process, so that a real SIGKILL lands between two
// durable steps of the scripts' writes: `node --import tsx test/crash-child.ts
// <steps> swap <staging> <target>` or `… <steps> content-version [args…]`
// kills itself right after the given number of steps (no cleanup runs).
import path from 'node:path'
import {type StepHook, swapDirectory} from '../pipeline/atomic.js'
import {contentVersion} from '../scripts/content-version.js'
import {ROOT} from './helpers.js'

const [steps, command, ...args] = process.argv.slice(2)
let done = 0
const hook: StepHook = () => {
  done += 1
  if (done === Number(steps)) process.kill(process.pid, 'SIGKILL')
}
if (command === 'swap' && args.length === 2) {
  await swapDirectory(args[0]!, args[1]!, hook)
} else if (command === 'content-version') {
  process.exitCode = await contentVersion(args, {stdout: process.stdout, stderr: process.stderr, root: path.resolve(ROOT), hook})
} else {
  throw new Error(`usage: crash-child.ts <steps> swap <staging> <target> | <steps> content-version [args…], received ${JSON.stringify(process.argv.slice(2))}`)
}
