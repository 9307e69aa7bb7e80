// YouTube's time for a rotation. In production it is the real clock; a local run may shorten a
// "day" (YOUTUBE_DAY_SECONDS) so a 21-day rotation plays out in minutes against the fake Google,
// which maps real time the same way from the same epoch.
export interface YouTubeClock {
  /** The real instant at which YouTube time equals real time (ms). */
  epoch: number;
  /** YouTube seconds per real second: 1 in production. */
  speed: number;
}

export const REAL_TIME: YouTubeClock = { epoch: 0, speed: 1 };

export const toYouTube = (c: YouTubeClock, realMs: number) => c.epoch + (realMs - c.epoch) * c.speed;
export const toReal = (c: YouTubeClock, youtubeMs: number) => c.epoch + Math.ceil((youtubeMs - c.epoch) / c.speed);

/** The clock from the local-only variables: a day of `daySeconds` real seconds from `epoch`. */
export function youtubeClock(daySeconds: number | undefined, epoch: number | undefined): YouTubeClock {
  if (!daySeconds || daySeconds === 86_400) return REAL_TIME;
  return { epoch: epoch ?? 0, speed: 86_400 / daySeconds };
}
