// Public entry: exports only. The build-time pipeline (pipeline/, unified) is
// never imported from here, so the runtime has no dependencies.
export {checklistForRound} from './checklist.js'
export {GuideRangeError, GuideTypeError, isGuideError} from './errors.js'
export type {GuideError, GuideErrorCode} from './errors.js'
export {guide} from './guide.js'
export {isChecklistItemId, isRound, isStepId, isStepNumber} from './guards.js'
export {getStep, getStepById, listSteps} from './steps.js'
export {assertGuide, GuideValidationError, parseGuide, validateGuide} from './validate.js'
export type {GuideProblem, GuideProblemCode} from './validate.js'
export type {
  ChecklistItem,
  ChecklistItemId,
  Guide,
  Introduction,
  Round,
  RoundRange,
  Step,
  StepId,
  StepNumber,
} from './types.js'
export {changesSince, releases} from './releases.js'
export type {Change, ChangeKind, ChangeTarget, Release} from './releases.js'
export {migrateProgress, progressForRound} from './progress.js'
export type {MigratedProgress, ProgressRecord, ProgressRename, RoundProgress} from './progress.js'
