import { env, exports } from "cloudflare:workers";
import { runDurableObjectAlarm } from "cloudflare:test";
import { it, expect } from "vitest";
it("works", async () => {
  const r = await exports.default.fetch("http://x/");
  expect(await r.text()).toBe("ok");
  const stub = env.WORKFLOW.get(env.WORKFLOW.idFromName("a"));
  expect(await runDurableObjectAlarm(stub)).toBe(false);
  expect((await env.DB.prepare("select count(*) as n from t").first())!.n).toBe(0);
});
