// The API of one locale: what `ace-second-interview/locales/<tag>` exports,
// and what the main entry re-exports for the source locale. Exports only.
//
// Each locale's entry is this module built again (tsup.config.ts) with the
// generated data and the ordinal grammar resolved to that locale's own, so a
// bundle of one locale holds no other locale's text. The error classes are
// one shared file (dist/errors.*) across every entry, so `instanceof` works
// between them; the types are the main entry's declarations, re-exported.
export {checklistForRound} from './checklist.js'
export {GuideRangeError, GuideTypeError, isGuideError} from './errors.js'
export type {GuideError, GuideErrorCode} from './errors.js'
export {guide} from './guide.js'
export {isChecklistItemId, isRound, isStepId, isStepNumber} from './guards.js'
export {getStep, getStepById, listSteps} from './steps.js'
export type {
  ChecklistItem,
  ChecklistItemId,
  Guide,
  Introduction,
  Locale,
  Round,
  RoundRange,
  Step,
  StepId,
  StepNumber,
} from './types.js'
export {changesSince, releases} from './releases.js'
export type {Change, ChangeKind, ChangeTarget, Release} from './types.js'
export {migrateProgress, progressForRound} from './progress.js'
export type {MigratedProgress, ProgressRecord, ProgressRename, RoundProgress} from './progress.js'
