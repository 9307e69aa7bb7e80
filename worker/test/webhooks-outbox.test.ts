// Pure webhook logic: the retry schedule, outbox transitions and the URL policy.
import { describe, expect, it } from "vitest";
import type { AbStatus } from "../shared/contract";
import { checkWebhookUrl } from "../webhooks/deliver";
import { abTestCompletedEvent, statusChangedEvent } from "../webhooks/emit";
import { dueDeliveries, fanOut, nextWakeUp, recordAttempt, type Delivery, type EndpointInfo, type OutboxEvent } from "../webhooks/outbox";
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, retryDelayMs } from "../webhooks/schedule";

const MIN = 60_000;
const HOUR = 60 * MIN;

describe("retry schedule", () => {
  it("follows 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h and then gives up", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, mid))).toEqual([
      5000,
      5 * MIN,
      30 * MIN,
      2 * HOUR,
      5 * HOUR,
      10 * HOUR,
      10 * HOUR,
    ]);
    expect(retryDelayMs(8, mid)).toBeNull();
    expect(MAX_ATTEMPTS).toBe(8);
  });

  it("jitters each delay within ±20%", () => {
    RETRY_DELAYS_MS.forEach((base, i) => {
      expect(retryDelayMs(i + 1, () => 0)).toBe(Math.round(base * 0.8));
      expect(retryDelayMs(i + 1, () => 0.999999)).toBeCloseTo(base * 1.2, -2);
    });
    expect(() => retryDelayMs(0, Math.random)).toThrow(RangeError);
  });
});

describe("outbox transitions", () => {
  const event: OutboxEvent = { message_id: "msg_1", owner_id: "u1", type: "workflow.status_changed", body: "{}", created_at: 0 };
  const endpoint = (id: string, events: string[] = [], disabled = false): EndpointInfo => ({
    id,
    url: "https://example.com/h",
    secret: "whsec_AA==",
    events,
    disabled,
  });

  it("fans out to subscribed, enabled endpoints only", () => {
    const ds = fanOut(
      event,
      [endpoint("all"), endpoint("other", ["ab_test.completed"]), endpoint("off", [], true), endpoint("mine", ["workflow.status_changed"])],
      100,
    );
    expect(ds.map((d) => [d.endpoint_id, d.next_attempt_at, d.state])).toEqual([
      ["all", 100, "pending"],
      ["mine", 100, "pending"],
    ]);
  });

  it("walks a delivery through failures to success, and gives up after the schedule", () => {
    let d: Delivery = fanOut(event, [endpoint("e")], 0)[0]!;
    const fail = { status_code: 503, error: null, duration_ms: 5 };
    let t = 0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const step = recordAttempt(d, fail, t, () => 0.5);
      expect(step.log).toMatchObject({ attempt, outcome: "retrying", status_code: 503, error: "HTTP 503" });
      d = step.delivery;
      t = d.next_attempt_at!;
    }
    expect(t).toBe(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0));
    const last = recordAttempt(d, { status_code: null, error: "Network error: refused", duration_ms: 1 }, t, () => 0.5);
    expect(last.delivery).toMatchObject({ state: "failed", attempts: MAX_ATTEMPTS, next_attempt_at: null });
    expect(last.log.outcome).toBe("failed");

    const ok = recordAttempt(fanOut(event, [endpoint("e")], 0)[0]!, { status_code: 200, error: null, duration_ms: 3 }, 0, () => 0.5);
    expect(ok.delivery.state).toBe("delivered");
    expect(ok.log).toMatchObject({ outcome: "delivered", error: null, next_retry_at: null });
  });

  it("stops at once and disables the endpoint on 410; 3xx is an ordinary failure", () => {
    const d = fanOut(event, [endpoint("e")], 0)[0]!;
    const gone = recordAttempt(d, { status_code: 410, error: "HTTP 410", duration_ms: 1 }, 0, Math.random);
    expect(gone.delivery.state).toBe("failed");
    expect(gone.disableEndpoint).toContain("410");
    const moved = recordAttempt(d, { status_code: 302, error: "Redirect (302) not followed.", duration_ms: 1 }, 0, () => 0.5);
    expect(moved.log).toMatchObject({ outcome: "retrying", next_retry_at: 5000, error: "Redirect (302) not followed." });
  });

  it("knows what is due and when to wake up", () => {
    const [a, b] = fanOut(event, [endpoint("a"), endpoint("b")], 0);
    const later = { ...b!, next_attempt_at: 50 };
    expect(dueDeliveries([a!, later], 10).map((d) => d.endpoint_id)).toEqual(["a"]);
    expect(nextWakeUp([{ ...a!, state: "delivered" }, later])).toBe(50);
    expect(nextWakeUp([], [event], 7)).toBe(7);
    expect(nextWakeUp([])).toBeNull();
  });
});

describe("webhook URL policy", () => {
  const prod = { development: false };
  it.each([
    ["https://hooks.example.com/in", true],
    ["http://hooks.example.com/in", false],
    ["https://user:pw@hooks.example.com/in", false],
    ["https://localhost/in", false],
    ["https://127.0.0.1/in", false],
    ["https://0x7f.1/in", false],
    ["https://10.1.2.3/in", false],
    ["https://192.168.0.10/in", false],
    ["https://[::1]/in", false],
    ["https://[::127.0.0.1]/in", false],
    ["https://[64:ff9b::a00:1]/in", false],
    ["https://[fec0::1]/in", false],
    ["https://[ff02::1]/in", false],
    ["https://198.18.0.1/in", false],
    ["https://192.0.0.8/in", false],
    ["https://224.0.0.1/in", false],
    ["https://[2606:4700::1111]/in", true],
    ["https://1.1.1.1/in", true],
    ["https://metadata.internal/in", false],
    ["ftp://hooks.example.com/in", false],
    ["not a url", false],
  ])("outside development: %s -> %s", (url, ok) => {
    expect(checkWebhookUrl(url, prod).ok).toBe(ok);
  });

  it("allows http and loopback in development, never credentials", () => {
    expect(checkWebhookUrl("http://127.0.0.1:8788/hook", { development: true }).ok).toBe(true);
    expect(checkWebhookUrl("http://a:b@127.0.0.1/hook", { development: true }).ok).toBe(false);
  });
});

describe("events from workflow transitions", () => {
  it("describe a status change with a message id derived from the transition", () => {
    const wf = "0b7c9c7e-1111-4222-8333-944445555666";
    const e = statusChangedEvent("u1", wf, "awaiting_approval", "awaiting_thumbnail_selection", Date.UTC(2026, 10, 20));
    expect(e.message_id).toBe(
      statusChangedEvent("u1", wf, "awaiting_approval", "awaiting_thumbnail_selection", Date.UTC(2026, 10, 20)).message_id,
    );
    expect(JSON.parse(e.body)).toEqual({
      type: "workflow.status_changed",
      timestamp: "2026-11-20T00:00:00.000Z",
      data: {
        workflow_id: wf,
        from: "awaiting_approval",
        to: "awaiting_thumbnail_selection",
        requires_action: "thumbnail_selection",
        at: "2026-11-20T00:00:00.000Z",
        actor: { kind: "system" },
      },
    });
  });

  it("announce a finished A/B test with its totals, and nothing for one without a winner", () => {
    const ab = {
      decision: "winner",
      winner_id: "t2",
      current_confidence: 0.97,
      variants: [{ impressions: 100 }, { impressions: 250 }, { impressions: 50 }],
    } as unknown as AbStatus;
    const e = abTestCompletedEvent("u1", "wf", ab, 0)!;
    expect(JSON.parse(e.body).data).toEqual({
      workflow_id: "wf",
      decision: "winner",
      winner_id: "t2",
      confidence: 0.97,
      total_impressions: 400,
      actor: { kind: "system" },
    });
    expect(abTestCompletedEvent("u1", "wf", { ...ab, winner_id: null }, 0)).toBeNull();
  });
});
