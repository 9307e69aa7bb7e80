// One alarm, many timers (the cloudflare/agents scheduler's shape): each timer answers when it
// is next due and how it runs; the alarm runs the due ones and re-arms for the earliest left.
export interface Timer {
  name: string;
  /** When the timer is next due, or null when it has nothing to do. */
  dueAt: number | null;
  run(now: number): Promise<unknown>;
}

/** Runs every due timer, containing each one's failure so one broken dependency cannot stop the rest; returns the failures. */
export async function runDue(timers: Timer[], now: number, log: (name: string, err: unknown) => void): Promise<unknown[]> {
  const failures: unknown[] = [];
  for (const timer of timers) {
    if (timer.dueAt === null || timer.dueAt > now) continue;
    try {
      await timer.run(now);
    } catch (err) {
      failures.push(err);
      log(timer.name, err);
    }
  }
  return failures;
}

export function earliest(timers: Timer[]): number | null {
  const due = timers.map((t) => t.dueAt).filter((t): t is number => t !== null);
  return due.length ? Math.min(...due) : null;
}

/**
 * Local alarms can be lost on restart, and a deploy can leave one armed for a timer that no
 * longer exists: re-arm when the stored alarm is missing, later than the earliest timer, or overdue.
 */
export async function rearmIfLost(storage: DurableObjectStorage, wake: number | null, now: number): Promise<void> {
  if (wake === null) return;
  const armed = await storage.getAlarm();
  if (armed === null || armed > wake || armed < now - 1000) await storage.setAlarm(Math.max(now, wake));
}
