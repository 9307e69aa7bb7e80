// Chooses each provider from configuration; the offline ones are the defaults (see ./configured).
import type { Env } from "../env";
import { type ConfiguredProviders, configuredProviders } from "./configured";

export type Providers = ConfiguredProviders;

export function providersFor(env: Env): Providers {
  return configuredProviders(env);
}
