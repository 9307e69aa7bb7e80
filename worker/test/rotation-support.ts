// Driving a YouTube rotation in tests: the object's clock and the fake Google's clock move
// together to each alarm the object sets, so swaps, report checks and the restore run exactly as
// they would over weeks of Pacific days.
import { exports } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { expect } from "vitest";
import { analyseRotation } from "../domain/stats/rotation";
import { UNRESTRICTED } from "../domain/stats/rotation/design";
import type { WorkflowObject } from "../do/workflow-object";
import type { AbStatus, WorkflowState } from "../shared/contract";
import { BASE, alarmAt, call, stubOf, toThumbnails } from "./helpers";
import { connected, control, sha256Hex, type Started } from "./youtube-support";

export const iso = (ms: number) => new Date(ms).toISOString();

export async function nextAlarm(stub: ReturnType<typeof stubOf>): Promise<number | null> {
  return runInDurableObject(stub, (_o: WorkflowObject, state) => state.storage.getAlarm());
}

/** Sets the object's clock and the fake's world clock to the same instant. */
export async function setClocks(stub: ReturnType<typeof stubOf>, world: string, at: number): Promise<void> {
  await runInDurableObject(stub, (object: WorkflowObject) => {
    object.clock = () => at;
  });
  await control(world, "POST", "clock", { set: iso(at) });
}

/**
 * Runs alarm after alarm, moving both clocks to each, until `done` says so; `before` may act at
 * an alarm time first (inject a fault, re-issue a report). Returns how many alarms ran.
 */
export async function runRotation(
  f: RotationFixture,
  done: (ab: AbStatus) => boolean,
  opts: { max?: number; before?: (at: number, ab: AbStatus) => Promise<void> } = {},
): Promise<{ alarms: number; ab: AbStatus }> {
  for (let alarms = 0; alarms < (opts.max ?? 400); alarms++) {
    const current = await abStatus(f);
    if (done(current)) return { alarms, ab: current };
    const at = await nextAlarm(f.stub);
    if (at === null)
      throw new Error(
        `no alarm is set, but the rotation is not done: ${JSON.stringify({ ...current.rotation, days: undefined }).slice(0, 2500)}`,
      );
    await control(f.world, "POST", "clock", { set: iso(at) });
    await opts.before?.(at, current);
    await alarmAt(f.stub, at);
  }
  throw new Error("the rotation did not finish within the alarms allowed");
}

export async function abStatus(f: RotationFixture): Promise<AbStatus> {
  const r = await call<AbStatus>("GET", `/workflows/${f.wf.id}/ab-status`, { token: f.user.token });
  expect(r.status).toBe(200);
  return r.body;
}

export interface RotationFixture {
  user: Started;
  world: string;
  wf: WorkflowState;
  stub: ReturnType<typeof stubOf>;
  start: number;
}

/** A connected channel and a workflow at thumbnail selection, both clocks at the same instant. */
export async function readyToRotate(label: string): Promise<RotationFixture> {
  const world = `${label}-${crypto.randomUUID()}`;
  const user = await connected(world);
  const wf = await toThumbnails(user.token);
  const stub = stubOf(wf.id);
  // 10:00 Pacific (18:00 UTC in winter): the first swap is at the coming midnight. Never in the past:
  // workerd itself fires an alarm set before the wall clock, racing the test's own runs (a webhook
  // delivery due "now" made the lost-grant test fail whenever it ran after 18:00 UTC).
  const today = Math.floor(Date.now() / 86_400_000) * 86_400_000 + 18 * 3_600_000;
  const start = today > Date.now() ? today : today + 86_400_000;
  await setClocks(stub, world, start);
  return { user, world, wf, stub, start };
}

/** Tells the fake each rendered variant's true CTR (it knows images by the hash of their bytes). */
export async function setTruth(world: string, wf: WorkflowState, ctrs: number[]): Promise<string[]> {
  const hashes: string[] = [];
  for (const [i, t] of wf.thumbnails.entries()) {
    const res = await exports.default.fetch(new Request(`${BASE}/thumbnails/${wf.id}/${t.id}.png`));
    expect(res.status).toBe(200);
    const sha = await sha256Hex(new Uint8Array(await res.arrayBuffer()));
    await control(world, "POST", "truth", { sha256: sha, ctr: ctrs[i], label: t.style, avg_view_seconds: 200 + 20 * i });
    hashes.push(sha);
  }
  return hashes;
}

export const select = (f: RotationFixture, youtube: Record<string, unknown>, pick = 0) =>
  call<WorkflowState>("POST", `/workflows/${f.wf.id}/select-thumbnail`, {
    token: f.user.token,
    body: { thumbnail_id: f.wf.thumbnails[pick]!.id, analytics_source: "youtube", youtube },
  });

/** Width and height from a PNG's IHDR, after checking the signature. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe("IHDR");
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Whether the drawn schedule could prove a winner at all: with exact data (no noise) the analysis
 * must find one. Every schedule of the balanced design can (design.ts); a test still checks.
 */
export function canProveWinner(ab: AbStatus, ctrs: Record<string, number>): boolean {
  const days = ab.rotation!.days;
  const variantIds = ab.variants.map((v) => v.thumbnail_id);
  const schedule = {
    variantIds,
    startDate: days[0]!.date,
    seed: 1,
    washoutDays: 0,
    blocks: days.length / variantIds.length,
    days: days.map((d) => ({ date: d.date, variantId: d.variant_id, block: d.block, measured: d.measured })),
    // Drawn from every order showing each variant equally often.
    imbalanceLimit: UNRESTRICTED,
    design: "balanced" as const,
  };
  const rows = days.map((d) => ({ date: d.date, impressions: 3000, clicks: Math.round(3000 * ctrs[d.variant_id]!) }));
  const out = analyseRotation(schedule, rows);
  return out.ok && out.result.verdict === "winner";
}
