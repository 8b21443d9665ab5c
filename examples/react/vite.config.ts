import path from 'node:path'
import {fileURLToPath} from 'node:url'
import react from '@vitejs/plugin-react'
import {type Alias, defineConfig} from 'vite'

const root = path.dirname(fileURLToPath(import.meta.url))
const dist = path.resolve(root, '../../dist')
const src = path.resolve(root, '../../src')

// The example uses the package exactly as published: the built dist/ files
// (run `npm run build` at the repository root first). Exact-match aliases, so
// `ace-second-interview` does not swallow `ace-second-interview/render`.
const published: Alias[] = [
  {find: /^ace-second-interview$/, replacement: path.join(dist, 'index.js')},
  {find: /^ace-second-interview\/render$/, replacement: path.join(dist, 'render.js')},
]

// With ACE_EXAMPLE_RELEASES set to a module like src/generated/releases-data.ts,
// the example is built from the package's sources with that release history
// instead of the shipped one (the guide itself stays the shipped one). The
// browser test uses it to show a reader coming back after releases this
// package has not had yet: renames, retired items, new and reworded ones.
const releases = process.env['ACE_EXAMPLE_RELEASES']
const withHistory: Alias[] = [
  {find: /^ace-second-interview$/, replacement: path.join(src, 'index.ts')},
  {find: /^ace-second-interview\/render$/, replacement: path.join(src, 'render/index.ts')},
  {find: /^\.\/generated\/releases-data\.js$/, replacement: path.resolve(releases ?? '')},
]

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  resolve: {alias: releases === undefined || releases === '' ? published : withHistory},
})
