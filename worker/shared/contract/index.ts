// The one API contract, zod first: request schemas the worker validates with, response schemas
// the OpenAPI document is generated from, and the types (inferred from both) that the web app and
// the tests read. Nothing here may import worker-only code.
export * from "./common";
export * from "./actor";
export * from "./requests";
export * from "./workflow";
export * from "./ab";
export * from "./results";
export * from "./rotation";
export * from "./teams";
