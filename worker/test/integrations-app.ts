// Calls the real app with ENVIRONMENT chosen per request, so webhook URL rules can be tested
// both ways (development allows http://localhost receivers; production only public https).
import { type Reply, call } from "./helpers";

export function callIntegrations<T = any>(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; development?: boolean } = {},
): Promise<Reply<T>> {
  const { development, ...rest } = opts;
  return call<T>(method, path, { ...rest, vars: { ENVIRONMENT: development === false ? "production" : "development" } });
}
