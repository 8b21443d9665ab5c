import {describe, expect, it} from 'vitest'
import {browserPolicy} from './browser-policy.js'

const present = () => true
const absent = () => false

describe('browser test policy', () => {
  it.each([
    {env: {}, exists: present, action: 'run'},
    {env: {CI: 'true'}, exists: present, action: 'run'},
    {env: {}, exists: absent, action: 'skip'},
    {env: {CI: ''}, exists: absent, action: 'skip'},
    {env: {CI: 'false'}, exists: absent, action: 'skip'},
    {env: {CI: '0'}, exists: absent, action: 'skip'},
    {env: {CI: 'true'}, exists: absent, action: 'fail'},
    {env: {CI: '1'}, exists: absent, action: 'fail'},
  ])('CI=$env.CI, browser present: $exists.name → $action', ({env, exists, action}) => {
    expect(browserPolicy(env, exists).action).toBe(action)
  })

  it('says plainly what was skipped and how to install the browser', () => {
    const policy = browserPolicy({}, absent)
    expect(policy.action === 'skip' && policy.reason).toMatch(/SKIPPED.*apt-get install -y chromium/)
  })

  it('looks at CHROMIUM_PATH, else /usr/bin/chromium', () => {
    const seen: string[] = []
    browserPolicy({}, (file) => (seen.push(file), false))
    browserPolicy({CHROMIUM_PATH: '/opt/chrome'}, (file) => (seen.push(file), false))
    expect(seen).toEqual(['/usr/bin/chromium', '/opt/chrome'])
  })
})
