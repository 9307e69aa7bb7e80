// The workflow core: its record, its commands and events, and the one transition function.
export * from "./record";
export * from "./commands";
export { legalIn, transition } from "./transition";
export { releasesVideo, timerPlan, workflowTimers, type RotationEffect, type TimerPlan, type WorkflowTimer } from "./timers";
export { MAX_ACTIVITY, activityOf, actorOf } from "./activity";
