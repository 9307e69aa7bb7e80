// The API client acts for the chosen team: a real local HTTP server records what each request
// carried (X-Team-Id only when a team other than the personal one is chosen).
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const seen: IncomingHttpHeaders[] = [];
const server = createServer((req, res) => {
  seen.push(req.headers);
  res.writeHead(200, { "content-type": "application/json" }).end("{}");
});
let client: typeof import("./client");

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  (globalThis as { __API_BASE__?: string }).__API_BASE__ = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = await import("./client");
});
afterAll(() => void server.close());

describe("the team the client acts for", () => {
  it("sends X-Team-Id for a chosen team, and nothing for the personal one", async () => {
    let team: string | null = "team-123";
    client.configureAuth(
      () => "token-abc",
      () => {},
      () => team,
    );
    await client.api("GET", "/workflows");
    team = null;
    await client.api("GET", "/workflows");
    expect(seen.map((h) => [h.authorization, h["x-team-id"]])).toEqual([
      ["Bearer token-abc", "team-123"],
      ["Bearer token-abc", undefined],
    ]);
  });
});
