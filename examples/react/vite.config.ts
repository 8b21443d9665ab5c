import path from 'node:path'
import {fileURLToPath} from 'node:url'
import react from '@vitejs/plugin-react'
import {defineConfig} from 'vite'

const root = path.dirname(fileURLToPath(import.meta.url))
const dist = path.resolve(root, '../../dist')

// The example uses the package exactly as published: the built dist/ files
// (run `npm run build` at the repository root first). Exact-match aliases, so
// `ace-second-interview` does not swallow `ace-second-interview/render`.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      {find: /^ace-second-interview$/, replacement: path.join(dist, 'index.js')},
      {find: /^ace-second-interview\/render$/, replacement: path.join(dist, 'render.js')},
    ],
  },
})
