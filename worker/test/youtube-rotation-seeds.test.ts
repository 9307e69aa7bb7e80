// Twenty rotations on the fake Google, each with its own drawn schedule and its own day noise:
// with one thumbnail at twice the other's CTR, every one ends with that thumbnail proven and
// back on the video. The fake's CTRs swing day to day, mostly with the whole channel, and the
// analysis reads the channel's other videos from the same reach report to cancel that.
import { describe, expect, it } from "vitest";
import { readyToRotate, runRotation, select, setTruth } from "./rotation-support";
import { fakeState } from "./youtube-support";

const VIDEO = "fkVidSteady";
const SEEDS = 20;
// One at a time: the fake Google serves one request at a time per test file.
const AT_ONCE = 1;

async function oneRotation(
  seed: number,
): Promise<{ winner: string | null; expected: string; live: string; want: string; verdict: string }> {
  const f = await readyToRotate(`seed${seed}`);
  const hashes = await setTruth(f.world, f.wf, [0.035, 0.05, 0.07]);
  const pair = [f.wf.thumbnails[0]!.id, f.wf.thumbnails[2]!.id];
  const started = await select(f, { video: VIDEO, vary: "thumbnail", variants: pair, days: 14 });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const { ab } = await runRotation(f, (s) => s.rotation!.state === "restored");
  const video = (await fakeState(f.world)).videos.find((v: { id: string }) => v.id === VIDEO);
  return { winner: ab.winner_id, expected: pair[1]!, live: video.live_thumbnail.sha256, want: hashes[2]!, verdict: String(ab.verdict) };
}

describe("twenty rotations with a twofold CTR difference", () => {
  it("each ends with the better thumbnail proven and left on the video", async () => {
    const outcomes = [];
    for (let from = 0; from < SEEDS; from += AT_ONCE) {
      const batch = Array.from({ length: Math.min(AT_ONCE, SEEDS - from) }, (_, i) => oneRotation(from + i));
      outcomes.push(...(await Promise.all(batch)));
    }
    expect(outcomes).toHaveLength(SEEDS);
    for (const o of outcomes) {
      expect(o.verdict).toBe("winner");
      expect(o.winner).toBe(o.expected);
      expect(o.live).toBe(o.want);
    }
  }, 1_800_000);
});
