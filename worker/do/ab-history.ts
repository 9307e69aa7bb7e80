// The compact per-poll history of a test, in the Durable Object's SQLite: one row per look with
// cumulative counts per variant, so a reloaded page redraws the whole curve.
import type { AbHistoryPoint } from "../shared/contract";

/** The chart needs shape, not every poll: longer histories are thinned to about this many points. */
const MAX_HISTORY_POINTS = 1500;

export class AbHistoryTable {
  private ready = false;

  constructor(private readonly sql: SqlStorage) {}

  /** Created on first use, so an object that never runs a test never gets the table. */
  private ensure(): void {
    if (this.ready) return;
    this.sql.exec(
      "CREATE TABLE IF NOT EXISTS ab_history (seq INTEGER PRIMARY KEY, t INTEGER NOT NULL, impressions TEXT NOT NULL, clicks TEXT NOT NULL, intervals TEXT)",
    );
    this.ready = true;
  }

  /** Synchronous, so it commits together with the record written after it. */
  append(seq: number, point: AbHistoryPoint): void {
    this.ensure();
    this.sql.exec(
      "INSERT INTO ab_history (seq, t, impressions, clicks, intervals) VALUES (?, ?, ?, ?, ?)",
      seq,
      point.t,
      JSON.stringify(point.impressions),
      JSON.stringify(point.clicks),
      JSON.stringify(point.ctr_intervals ?? null),
    );
  }

  points(): AbHistoryPoint[] {
    this.ensure();
    const count = Number(this.sql.exec("SELECT COUNT(*) AS n FROM ab_history").one().n);
    const stride = Math.max(1, Math.ceil(count / MAX_HISTORY_POINTS));
    const rows = this.sql
      .exec<{ seq: number; t: number; impressions: string; clicks: string; intervals: string | null }>(
        "SELECT seq, t, impressions, clicks, intervals FROM ab_history WHERE seq % ? = 0 OR seq = ? ORDER BY seq",
        stride,
        count,
      )
      .toArray();
    return rows.map((r) => ({
      t: r.t,
      impressions: JSON.parse(r.impressions),
      clicks: JSON.parse(r.clicks),
      ...(r.intervals ? { ctr_intervals: JSON.parse(r.intervals) } : {}),
    }));
  }
}
