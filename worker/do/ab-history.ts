// The compact per-poll history of a test, in the Durable Object's SQLite: one row per look with
// cumulative counts per variant, so a reloaded page redraws the whole curve.
import type { AbHistoryPoint } from "../shared/contract";

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
    const rows = this.sql
      .exec<{ t: number; impressions: string; clicks: string; intervals: string | null }>(
        "SELECT t, impressions, clicks, intervals FROM ab_history ORDER BY seq",
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
