// Run by tests in a child process, so that a real SIGKILL lands between two
// writes to disk of the scripts: `node --import tsx test/crash-child.ts
// <writes> swap <staging> <target>` or `… <writes> content-version --root <root> [args…]`
// kills itself right after the given number of writes in the target's folder
// or the root (no cleanup runs).
import path from 'node:path'
import {swapDirectory} from '../pipeline/atomic.js'
import {contentVersion} from '../scripts/content-version.js'
import {countWrites} from './disk-writes.js'

const [writes, command, ...args] = process.argv.slice(2)
const root = args[args.indexOf('--root') + 1]
const kill = (n: number) => void (n === Number(writes) && process.kill(process.pid, 'SIGKILL'))
if (command === 'swap' && args.length === 2) {
  await countWrites(path.dirname(args[1]!), () => swapDirectory(args[0]!, args[1]!), kill)
} else if (command === 'content-version' && args.includes('--root')) {
  await countWrites(root!, () => contentVersion(args, {stdout: process.stdout, stderr: process.stderr, root: root!}), kill)
} else {
  throw new Error(`usage: crash-child.ts <writes> swap <staging> <target> | <writes> content-version --root <root> [args…], received ${JSON.stringify(process.argv.slice(2))}`)
}
