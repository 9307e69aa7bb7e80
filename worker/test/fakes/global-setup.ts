/// <reference types="node" />
// Starts the fake outside services once per run, in Node, and hands their URLs to the tests in
// workerd through vitest's provide/inject (values must be serialisable, so URLs only).
import type { TestProject } from "vitest/node";
import { startOpenAiFake } from "./openai-server";
import { testTls } from "./test-ca";
import { startWebhookReceiver } from "./webhook-receiver";
import { startWorkersAiFake } from "./workers-ai-server";
import { startYouTubeFake } from "./youtube-server";

declare module "vitest" {
  export interface ProvidedContext {
    fakeOpenAiUrl: string;
    fakeYouTubeUrl: string;
    fakeWebhookUrl: string;
    /** The same receiver over https, with a certificate workerd trusts only through the test CA. */
    fakeWebhookHttpsUrl: string;
    fakeWorkersAiUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const [openai, youtube, webhooks, secureWebhooks, workersAi] = await Promise.all([
    startOpenAiFake(),
    startYouTubeFake(),
    startWebhookReceiver(),
    startWebhookReceiver(testTls()),
    startWorkersAiFake(),
  ]);
  project.provide("fakeWorkersAiUrl", workersAi.url);
  project.provide("fakeOpenAiUrl", openai.url);
  project.provide("fakeYouTubeUrl", youtube.url);
  project.provide("fakeWebhookUrl", webhooks.url);
  project.provide("fakeWebhookHttpsUrl", secureWebhooks.url);
  return async function teardown() {
    await Promise.all([openai.close(), youtube.close(), webhooks.close(), secureWebhooks.close(), workersAi.close()]);
  };
}
