/// <reference types="node" />
// Runs the fakes outside vitest, for demos against `npm start`:
//   npm run fakes
//   npm start -- --var LLM_PROVIDER:openai --var OPENAI_BASE_URL:<printed url> --var OPENAI_MODEL:success
// FAKE_GOOGLE_PORT fixes the fake Google's port (its URLs then survive restarts); FAKE_GOOGLE_DAY_SECONDS
// makes its simulated days shorter (e.g. 60) for an accelerated rotation, and the printed line then
// gives the Worker the same clock (YOUTUBE_DAY_SECONDS, YOUTUBE_CLOCK_EPOCH); FAKE_GOOGLE_CLOCK_EPOCH
// (ms since 1970) reuses an earlier run's epoch, so an already started Worker keeps agreeing with it.
import { startFakeGoogle } from "./google/server";
import { startOpenAiFake } from "./openai-server";
import { startWebhookReceiver } from "./webhook-receiver";
import { startWorkersAiFake } from "./workers-ai-server";
import { startYouTubeFake } from "./youtube-server";

const [openai, youtube, webhooks, google, workersAi] = await Promise.all([
  startOpenAiFake(),
  startYouTubeFake(),
  startWebhookReceiver(),
  startFakeGoogle(Number(process.env.FAKE_GOOGLE_PORT) || 0, {
    daySeconds: Number(process.env.FAKE_GOOGLE_DAY_SECONDS) || undefined,
    epoch: Number(process.env.FAKE_GOOGLE_CLOCK_EPOCH) || undefined,
  }),
  startWorkersAiFake(),
]);
console.log(`OpenAI-compatible fake: ${openai.url}  (model = scenario, e.g. "success", "server-error", "hang")`);
console.log(
  `Workers AI fake:        ${workersAi.url}  (account id = scenario: "success", "server-error", "hang")\n` +
    `  npm start -- --var THUMBNAIL_PROVIDER:workers-ai --var WORKERS_AI_BASE_URL:${workersAi.url} --var WORKERS_AI_ACCOUNT_ID:success --var WORKERS_AI_API_TOKEN:local\n` +
    `  or OpenAI images: --var THUMBNAIL_PROVIDER:openai --var OPENAI_BASE_URL:${openai.url} --var OPENAI_IMAGE_MODEL:success --var OPENAI_API_KEY:sk-local`,
);
console.log(`YouTube Data API fake:  ${youtube.url}  (any key works; "quota-key", "bad-key" fail)`);
console.log(`Webhook receiver:       ${webhooks.url}  (POST /__receivers {"secret": "whsec_..."} first)`);
console.log(`Fake Google (OAuth, YouTube Data/Reporting/Analytics): ${google.url}`);
console.log(
  `  its log: ${google.url}/__control/log   channel state: ${google.url}/__control/state   clock: POST ${google.url}/__control/clock`,
);
if (google.daySeconds)
  console.log(
    `  accelerated: a day lasts ${google.daySeconds} s; simulated time = ${google.epoch} + (now − ${google.epoch}) × ${86_400 / google.daySeconds}`,
  );
const googleVars = {
  ...google.vars,
  GOOGLE_OAUTH_CLIENT_ID: "local-client.apps.googleusercontent.com",
  GOOGLE_OAUTH_CLIENT_SECRET: "local-client-secret",
};
console.log(
  `  connect a channel against it:\n  npm start -- ${Object.entries(googleVars)
    .map(([k, v]) => `--var ${k}:${v}`)
    .join(" ")}`,
);
process.on(
  "SIGINT",
  () =>
    void Promise.all([openai.close(), youtube.close(), webhooks.close(), google.close(), workersAi.close()]).then(() => process.exit(0)),
);
