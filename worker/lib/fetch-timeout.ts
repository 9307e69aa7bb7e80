// fetch with a deadline whose timer is cleared as soon as the answer is in. AbortSignal.timeout()
// would do, except its timer outlives the request and keeps a Durable Object awake (and billed)
// until it fires.

export class FetchTimeoutError extends Error {
  override name = "FetchTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms.`);
  }
}

/**
 * Runs `use` on the response before the deadline ends, so reading or cancelling the body is
 * covered too. Rejects with FetchTimeoutError when the deadline passes.
 */
export async function fetchWithTimeout<T>(
  doFetch: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  use: (res: Response) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await use(await doFetch(url, { ...init, signal: controller.signal }));
  } catch (err) {
    throw controller.signal.aborted ? new FetchTimeoutError(timeoutMs) : err;
  } finally {
    clearTimeout(timer);
  }
}
