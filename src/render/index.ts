// Public entry of `ace-second-interview/render`: exports only. Kept apart from
// the main entry so apps that need only text never bundle the trees.
export {checklistContentForRound} from './checklist-content.js'
export {getIntroContent, getStepContent} from './content.js'
export type {ChecklistItemContent, ReadonlyTree, RenderedContent} from './types.js'
