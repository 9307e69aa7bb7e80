import { DurableObject } from "cloudflare:workers";
export class WorkflowObject extends DurableObject {}
export default { fetch: () => new Response("ok") };
