// Public entry of `ace-second-interview/render`: exports only. Kept apart from
// the main entry so apps that need only text never bundle the trees. The
// source locale's render forms (src/generated/source-render.ts, the same
// exports as every `ace-second-interview/locales/<tag>/render`), and the way
// to load any locale's.
export * from '../generated/source-render.js'
export {loadLocaleContent} from './load-content.js'
export type {RenderModule} from './api.js'
