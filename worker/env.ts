// The Worker's bindings and variables: generated from wrangler.toml (and the secret names in
// .dev.vars.example) by `npm run types` into env.generated.d.ts; CI fails when it is stale.
import type { Principal } from "./http/require-auth";
import type { Role } from "./teams/access";

export type Env = Cloudflare.Env;

export type AppEnv = {
  Bindings: Env;
  /** teamId and role: the team the request acts for and the caller's role there (worker/http/require-team.ts). */
  Variables: { userId: string; principal: Principal; teamId: string; role: Role };
};
