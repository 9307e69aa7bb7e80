// Rotation (switchback) tests: one thumbnail at a time, swapped daily on Pacific dates. The
// entry point for the daily-swap feature; a daily test cannot use the 30-second engine.
export { addDays, daysBetween, isDate, pacificDate, weekdayOf } from "./dates";
export { type RotationDay, type RotationPlan, type RotationSchedule, buildRotationSchedule } from "./schedule";
export type { RotationRow } from "./data";
export { type RotationOptions, type RotationResult, type RotationVerdict, analyseRotation } from "./analysis";
export { explainRotation } from "./explain";
export { type ChannelModel, simulateRotation } from "./simulate";
