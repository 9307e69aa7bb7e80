import { createServer } from "node:net";
import { defineConfig } from "vitest/config";
import { fakeGoogleVars } from "./worker/test/fakes/google/server";
// The test CA must be in NODE_EXTRA_CA_CERTS before Miniflare loads (see the module), and the
// config is bundled with its static imports of packages hoisted above local code: so the plugin
// is imported here, after the CA.
import "./worker/test/fakes/test-ca";
const { cloudflareTest, readD1Migrations } = await import("@cloudflare/vitest-plugin");

const migrations = await readD1Migrations(new URL("./migrations", import.meta.url).pathname);

/** A free loopback port, for a fake whose URL must be a binding before the workers start. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
// The config may be evaluated more than once per run; every evaluation must agree on the port.
const llmPort = Number(process.env.FAKE_LLM_PORT) || (await freePort());
process.env.FAKE_LLM_PORT = String(llmPort);
const googlePort = Number(process.env.FAKE_GOOGLE_PORT) || (await freePort());
process.env.FAKE_GOOGLE_PORT = String(googlePort);

const baseBindings = {
  TEST_MIGRATIONS: migrations,
  JWT_SECRET: "test-only-secret-not-used-anywhere-else-0123456789",
  // Tests drive polls with an explicit clock (stub.tick); real alarms stay 5 s away,
  // so they never add a poll behind a test's back.
  AB_POLL_INTERVAL_SECONDS: "5",
  AB_SEED: "7",
  // Lets the Durable Object deliver webhooks to the local fake receiver (http://127.0.0.1).
  ENVIRONMENT: "development",
};

function workersProject(name: string, include: string[], globalSetup: string | string[], bindings: Record<string, unknown>) {
  return {
    plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" }, miniflare: { bindings: { ...baseBindings, ...bindings } } })],
    // 20 s: a workflow's thumbnail step now renders each design at 168 px to measure its legibility
    // (resvg's first start in an isolate is ~1 s), which the default 5 s leaves no room for on a busy CI box.
    test: { name, include, setupFiles: ["./worker/test/apply-migrations.ts"], globalSetup: [globalSetup].flat(), testTimeout: 20_000 },
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        // Pure domain code (statistics, state machine, schedules) runs in plain Node.
        test: { name: "domain", environment: "node", include: ["worker/domain/**/*.test.ts"] },
      },
      {
        // The web app's pure models and API client.
        test: { name: "web", environment: "node", include: ["web/src/**/*.test.ts"] },
      },
      // The Worker, Durable Objects and D1 in workerd, on the offline providers.
      workersProject(
        "workers",
        ["worker/test/*.test.ts"],
        ["./worker/test/fakes/global-setup.ts", "./worker/test/fakes/google-global-setup.ts"],
        {
          // The YouTube connection against the fake Google (test-only client and key).
          ...fakeGoogleVars(`http://127.0.0.1:${googlePort}`),
          GOOGLE_OAUTH_CLIENT_ID: "test-client.apps.googleusercontent.com",
          GOOGLE_OAUTH_CLIENT_SECRET: "test-client-secret",
          TOKEN_ENCRYPTION_KEY: "dGVzdC1vbmx5LXRva2VuLWtleS0zMi1ieXRlcy0wMDA=",
        },
      ),
      // The same Worker with LLM_PROVIDER=openai against a fake OpenAI-compatible server.
      workersProject("workers-llm", ["worker/test/llm/*.test.ts"], "./worker/test/fakes/llm-global-setup.ts", {
        LLM_PROVIDER: "openai",
        OPENAI_BASE_URL: `http://127.0.0.1:${llmPort}/v1`,
        OPENAI_MODEL: "workflow-model",
        OPENAI_API_KEY: "sk-test-not-a-real-key",
        OPENAI_TIMEOUT_MS: "400",
        OPENAI_BUDGET_MS: "1500",
        OPENAI_PRICES: JSON.stringify({ "workflow-model": { input: 0.15, output: 0.6 } }),
      }),
    ],
  },
});
