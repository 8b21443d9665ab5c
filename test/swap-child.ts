// Run by test/atomic.test.ts in a child process: swap <staging> into <target>
// with the crash hook of ACE_TEST_CRASH_AFTER, so a real SIGKILL lands
// between the two renames of swapDirectory.
import {crashHookFromEnv, swapDirectory} from '../pipeline/atomic.js'

const [staging, target] = process.argv.slice(2)
if (staging === undefined || target === undefined) throw new Error('usage: swap-child.ts <staging> <target>')
await swapDirectory(staging, target, crashHookFromEnv())
