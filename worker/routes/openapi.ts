// GET /openapi.json (generated, see openapi/document.ts) and GET /docs (the interactive page).
// Both are public: the document describes the API, it grants nothing.
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { buildOpenApiDocument } from "../openapi/document";
import { DOCS_HTML, docsScriptHash } from "../openapi/docs-page";

let cachedDocument: string | null = null;
let cachedHash: Promise<string> | null = null;

export const openApiRoutes = new Hono<AppEnv>()
  .get("/openapi.json", (c) => {
    // Built once per isolate: it only depends on code.
    cachedDocument ??= JSON.stringify(buildOpenApiDocument());
    return c.body(cachedDocument, 200, { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" });
  })
  .get("/docs", async (c) => {
    const hash = await (cachedHash ??= docsScriptHash());
    return c.html(DOCS_HTML(hash), 200, {
      "content-security-policy": `default-src 'none'; script-src '${hash}'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      "cache-control": "public, max-age=300",
    });
  });
