// The Worker's bindings and variables: generated from wrangler.toml (and the secret names in
// .dev.vars.example) by `npm run types` into env.generated.d.ts; CI fails when it is stale.
import type { Principal } from "./http/require-auth";

export type Env = Cloudflare.Env;

export type AppEnv = {
  Bindings: Env;
  Variables: { userId: string; principal: Principal };
};
