/// <reference types="node" />
// Runs the fakes outside vitest, for demos against `npm start`:
//   npm run fakes
//   npm start -- --var LLM_PROVIDER:openai --var OPENAI_BASE_URL:<printed url> --var OPENAI_MODEL:success
import { startOpenAiFake } from "./openai-server";
import { startWebhookReceiver } from "./webhook-receiver";
import { startYouTubeFake } from "./youtube-server";

const [openai, youtube, webhooks] = await Promise.all([startOpenAiFake(), startYouTubeFake(), startWebhookReceiver()]);
console.log(`OpenAI-compatible fake: ${openai.url}  (model = scenario, e.g. "success", "server-error", "hang")`);
console.log(`YouTube Data API fake:  ${youtube.url}  (any key works; "quota-key", "bad-key" fail)`);
console.log(`Webhook receiver:       ${webhooks.url}  (POST /__receivers {"secret": "whsec_..."} first)`);
process.on("SIGINT", () => void Promise.all([openai.close(), youtube.close(), webhooks.close()]).then(() => process.exit(0)));
