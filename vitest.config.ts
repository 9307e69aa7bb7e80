import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations(new URL("./migrations", import.meta.url).pathname);

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
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: migrations,
                JWT_SECRET: "test-only-secret-not-used-anywhere-else-0123456789",
                // Tests drive polls with an explicit clock (stub.tick); real alarms stay 5 s away,
                // so they never add a poll behind a test's back.
                AB_POLL_INTERVAL_SECONDS: "5",
                AB_SEED: "7",
                // Lets the Durable Object deliver webhooks to the local fake receiver (http://127.0.0.1).
                ENVIRONMENT: "development",
              },
            },
          }),
        ],
        test: {
          name: "workers",
          include: ["worker/test/**/*.test.ts"],
          setupFiles: ["./worker/test/apply-migrations.ts"],
          globalSetup: ["./worker/test/fakes/global-setup.ts"],
        },
      },
    ],
  },
});
