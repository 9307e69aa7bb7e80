/// <reference types="node" />
// The "workers-llm" project's fake OpenAI server. Its port is chosen in vitest.config.ts, because
// the Worker's OPENAI_BASE_URL binding must be known before the workers start.
import { startOpenAiFake } from "./openai-server";

export default async function setup() {
  const fake = await startOpenAiFake(Number(process.env.FAKE_LLM_PORT));
  return () => fake.close();
}
