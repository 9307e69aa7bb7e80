// The account itself: export everything stored about it, or delete it (with the password).
// Sessions only, never API keys; every answer is no-store.
import { Hono } from "hono";
import { deleteAccount, exportAccount } from "../auth/account-data";
import { DeleteAccountRequest } from "../auth/contract";
import type { AppEnv } from "../env";
import { ApiError } from "../http/problem";
import { requireSession } from "../http/require-auth";
import { parseBody } from "../http/validate";
import { authBurstLimit } from "../limits/auth-throttle";
import { checkPassword } from "./auth";

export const accountRoutes = new Hono<AppEnv>()
  .use(requireSession())
  .use(async function noStore(c, next) {
    await next();
    c.header("cache-control", "no-store");
  })
  .get("/export", async (c) => {
    const now = Date.now();
    const principal = c.get("principal");
    const data = await exportAccount(c.env, c.get("userId"), now, principal.kind === "session" ? principal.sessionId : null);
    return c.body(JSON.stringify(data, null, 2), 200, {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="creator-account-${new Date(now).toISOString().slice(0, 10)}.json"`,
    });
  })
  .delete("/", authBurstLimit(), async (c) => {
    const { password } = await parseBody(c, DeleteAccountRequest);
    const user = await c.env.DB.prepare("SELECT id, email, password_hash FROM users WHERE id = ?")
      .bind(c.get("userId"))
      .first<{ id: string; email: string; password_hash: string }>();
    if (!user) throw new ApiError(401, "The account no longer exists.");
    // The password, not just a token, so a stolen token cannot destroy the account; the check is throttled like sign-in.
    if (!(await checkPassword(c, user.email, password, user.password_hash))) {
      throw new ApiError(403, "The password is wrong.", [{ path: "password", message: "is wrong" }]);
    }
    const deleted = await deleteAccount(c.env, user.id, user.email);
    if (!deleted.ok) {
      const fixes = deleted.blocking.map((t) =>
        t.personal
          ? `your personal team has other members: remove them first (DELETE /teams/${t.id}/members/{user_id})`
          : `you own '${t.name}', which has other members: transfer ownership first (POST /teams/${t.id}/transfer) or delete the team (DELETE /teams/${t.id})`,
      );
      throw new ApiError(409, `The account cannot be deleted yet: ${fixes.join("; ")}.`);
    }
    return c.body(null, 204);
  });
