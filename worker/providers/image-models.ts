// Image models behind one small interface: a prompt, up to four reference photos, and back the
// bytes of one picture. Two clients, chosen by THUMBNAIL_PROVIDER:
// - Workers AI's REST API (no local simulation of the AI binding exists, so the same code runs in
//   production and against a local fake): POST {base}/accounts/{id}/ai/run/{model} as multipart
//   form data (prompt, width, height, seed, input_image_0..3), answered {result: {image: base64}}.
// - Any OpenAI-compatible images endpoint through the openai SDK: images.generate, or images.edit
//   with the references as image[] when there are any.
import OpenAI, { toFile } from "openai";
import { fromBase64 } from "../lib/base64";
import { FetchTimeoutError, fetchWithTimeout } from "../lib/fetch-timeout";

export interface ImageRequest {
  prompt: string;
  width: number;
  height: number;
  seed: number;
  /** JPEG bytes of the creator's own photos, at most four. */
  references: Uint8Array[];
}

export interface ImageModel {
  /** "workers-ai:<model>" or "openai:<model>", shown on the card. */
  readonly name: string;
  draw(request: ImageRequest): Promise<Uint8Array>;
}

export const MAX_REFERENCES = 4;

/** FLUX.2 [klein] 4B: Apache-2.0, so hosts may use it commercially (klein 9B and [dev] are non-commercial). */
export const DEFAULT_WORKERS_AI_MODEL = "@cf/black-forest-labs/flux-2-klein-4b";
export const DEFAULT_WORKERS_AI_BASE = "https://api.cloudflare.com/client/v4";
export const DEFAULT_OPENAI_IMAGE_MODEL = "gpt-image-1";
const DEFAULT_TIMEOUT_MS = 60_000;

export interface WorkersAiConfig {
  accountId: string;
  apiToken: string;
  model?: string;
  baseUrl?: string;
  timeoutMs?: number;
}

export function createWorkersAiImageModel(config: WorkersAiConfig, doFetch: typeof fetch = (i, init) => fetch(i, init)): ImageModel {
  const model = config.model ?? DEFAULT_WORKERS_AI_MODEL;
  const base = (config.baseUrl ?? DEFAULT_WORKERS_AI_BASE).replace(/\/+$/, "");
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    name: `workers-ai:${model}`,
    async draw({ prompt, width, height, seed, references }) {
      const form = new FormData();
      form.append("prompt", prompt);
      form.append("width", String(width));
      form.append("height", String(height));
      form.append("seed", String(seed));
      references.slice(0, MAX_REFERENCES).forEach((bytes, i) => {
        form.append(`input_image_${i}`, new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), `reference-${i}.jpg`);
      });
      const url = `${base}/accounts/${encodeURIComponent(config.accountId)}/ai/run/${model}`;
      const init = { method: "POST", headers: { authorization: `Bearer ${config.apiToken}` }, body: form };
      const body = await fetchWithTimeout(doFetch, url, init, timeoutMs, async (res) => {
        const text = await res.text();
        if (!res.ok) throw new Error(`Workers AI answered ${res.status}`);
        try {
          return JSON.parse(text) as { success?: boolean; result?: { image?: string } };
        } catch {
          throw new Error("Workers AI answered with something that is not JSON");
        }
      }).catch((err: unknown) => {
        throw err instanceof FetchTimeoutError ? new Error(`Workers AI: no answer within ${timeoutMs} ms`) : err;
      });
      const image = body.result?.image;
      if (body.success === false || typeof image !== "string") throw new Error("Workers AI answered without an image");
      return fromBase64(image);
    },
  };
}

export interface OpenAiImageConfig {
  apiKey: string;
  baseUrl?: string;
  model?: string;
  timeoutMs?: number;
}

export function createOpenAiImageModel(config: OpenAiImageConfig, doFetch: typeof fetch = (i, init) => fetch(i, init)): ImageModel {
  const model = config.model ?? DEFAULT_OPENAI_IMAGE_MODEL;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseUrl, maxRetries: 0, timeout: timeoutMs, fetch: doFetch });
  return {
    name: `openai:${model}`,
    async draw({ prompt, references }) {
      // gpt-image sizes: the 3:2 landscape is the nearest to 16:9; the frame is cropped to fit.
      const size = "1536x1024" as const;
      const answer = references.length
        ? await client.images.edit({
            model,
            prompt,
            size,
            image: await Promise.all(
              references
                .slice(0, MAX_REFERENCES)
                .map((bytes, i) => toFile(new Uint8Array(bytes), `reference-${i}.jpg`, { type: "image/jpeg" })),
            ),
          })
        : await client.images.generate({ model, prompt, size, n: 1 });
      const b64 = answer.data?.[0]?.b64_json;
      if (!b64) throw new Error(`${model} answered without an image`);
      return fromBase64(b64);
    },
  };
}
