import { app } from "./app";

export { WorkflowObject } from "./do/workflow-object";
export default app;
