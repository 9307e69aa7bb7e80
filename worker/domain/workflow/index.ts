// The workflow core: its record, its commands and events, and the one transition function.
export * from "./record";
export * from "./commands";
export { legalIn, transition } from "./transition";
export { releasesVideo, workflowTimers, type RotationEffect, type WorkflowTimer } from "./timers";
export { MAX_ACTIVITY, activityOf, actorOf } from "./activity";
