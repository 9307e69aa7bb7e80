// The client's address as Cloudflare reports it in CF-Connecting-IP (the edge overwrites any
// value a client sends). IPv6 clients usually hold a whole /64, so they are throttled per /64.
// A request without a usable address (a route that bypasses the edge, a misconfigured proxy) is
// one shared unknown client outside development, so leaving the header out never unthrottles.

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4(text: string): string | null {
  const m = IPV4.exec(text);
  return m && m.slice(1).every((p) => Number(p) <= 255) ? m.slice(1).map(Number).join(".") : null;
}

/** The first four groups of an IPv6 address (its /64), or the IPv4 address it maps. */
function ipv6Prefix(text: string): string | null {
  const bare = text
    .replace(/^\[|\]$/g, "")
    .split("%")[0]!
    .toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped) return ipv4(mapped[1]!);
  if (!/^[0-9a-f:]+$/.test(bare) || bare.split("::").length > 2) return null;
  const [head, tail] = bare.includes("::") ? bare.split("::") : [bare, null];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === null ? left.length !== 8 : missing < 1) return null;
  const groups = [...left, ...Array<string>(Math.max(0, missing)).fill("0"), ...right];
  if (groups.some((g) => g.length === 0 || g.length > 4)) return null;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** The throttling key for the client, or null when the request did not come through Cloudflare's edge. */
export function clientIp(headers: Headers): string | null {
  const raw = headers.get("cf-connecting-ip")?.trim();
  if (!raw) return null;
  return raw.includes(":") ? ipv6Prefix(raw) : ipv4(raw);
}

/** The client every request without a usable CF-Connecting-IP shares outside development. */
export const UNKNOWN_CLIENT = "unknown";

/**
 * Who an IP throttle counts: the client's address, else the shared unknown client; null (not
 * IP-throttled) only in development, where local tools and tests call without Cloudflare's edge.
 */
export function throttleClient(headers: Headers, environment: string | undefined): string | null {
  const ip = clientIp(headers);
  if (ip) return ip;
  const development = (environment ?? "").trim().toLowerCase() === "development";
  return development && !headers.get("cf-connecting-ip") ? null : UNKNOWN_CLIENT;
}
