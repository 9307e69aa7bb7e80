/// <reference types="node" />
// The fake Google for the "workers" project. Its port is chosen in vitest.config.ts, because the
// Worker's GOOGLE_* and YOUTUBE_* base-URL bindings must be known before the workers start.
import type { TestProject } from "vitest/node";
import { startFakeGoogle } from "./google/server";

declare module "vitest" {
  export interface ProvidedContext {
    fakeGoogleUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const fake = await startFakeGoogle(Number(process.env.FAKE_GOOGLE_PORT));
  project.provide("fakeGoogleUrl", fake.url);
  return () => fake.close();
}
