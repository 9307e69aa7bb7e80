// Rotation (switchback) tests: one thumbnail at a time, swapped daily on Pacific dates. The
// entry point for the daily-swap feature; a daily test cannot use the 30-second engine.
// Calendar days are YouTube's Pacific days, from the one calendar module.
export { addDays, daysBetween, isDay as isDate, pacificDay as pacificDate, weekday as weekdayOf } from "../../youtube/pacific";
export { type RotationDay, type RotationPlan, type RotationSchedule, blocksToSucceed, buildRotationSchedule } from "./schedule";
export type { RotationRow } from "./data";
export { type RotationOptions, type RotationResult, type RotationVerdict, analyseRotation } from "./analysis";
export { explainRotation } from "./explain";
export { type ChannelModel, simulateRotation } from "./simulate";
