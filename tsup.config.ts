import {defineConfig} from 'tsup'

// tsup needs a default export here; the package itself has none.
export default defineConfig({
  // Two entries, bundled separately: dist/index.* never holds the render data.
  entry: {index: 'src/index.ts', render: 'src/render/index.ts'},
  format: ['esm', 'cjs'],
  dts: true,
  target: 'es2022',
  platform: 'neutral',
  splitting: false,
  sourcemap: false,
  treeshake: true,
  clean: true,
})
