// The compact per-poll history of a test, in the Durable Object's SQLite: one row per look with
// cumulative counts per variant, so a reloaded page redraws the whole curve.
import type { AbHistoryPoint } from "../shared/contract";

/** At most this many rows are read for a chart; longer histories are sampled evenly in SQL first. */
const MAX_CHART_ROWS = 8000;

type Row = { t: number; impressions: string; clicks: string; intervals: string | null };

const toPoint = (r: Row): AbHistoryPoint => ({
  t: r.t,
  impressions: JSON.parse(r.impressions),
  clicks: JSON.parse(r.clicks),
  ...(r.intervals ? { ctr_intervals: JSON.parse(r.intervals) } : {}),
});

export class AbHistoryTable {
  private ready = false;
  /** The counts of the newest row this instance wrote: a look that changed nothing adds no row. */
  private lastCounts: string | null = null;

  constructor(private readonly sql: SqlStorage) {}

  /** Created on first use, so an object that never runs a test never gets the table. */
  private ensure(): void {
    if (this.ready) return;
    this.sql.exec(
      "CREATE TABLE IF NOT EXISTS ab_history (seq INTEGER PRIMARY KEY, t INTEGER NOT NULL, impressions TEXT NOT NULL, clicks TEXT NOT NULL, intervals TEXT)",
    );
    this.ready = true;
  }

  /**
   * Synchronous, so it commits together with the record written after it. A look whose totals
   * equal the previous one's (an integrator re-sending the same numbers) adds no row, so the
   * table grows with data, not with requests.
   */
  append(seq: number, point: AbHistoryPoint): void {
    this.ensure();
    const counts = JSON.stringify([point.impressions, point.clicks]);
    if (counts === this.lastCounts) return;
    this.lastCounts = counts;
    this.sql.exec(
      "INSERT INTO ab_history (seq, t, impressions, clicks, intervals) VALUES (?, ?, ?, ?, ?)",
      seq,
      point.t,
      JSON.stringify(point.impressions),
      JSON.stringify(point.clicks),
      JSON.stringify(point.ctr_intervals ?? null),
    );
  }

  /** How many rows the full history (the CSV) has. */
  count(): number {
    this.ensure();
    return Number(this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM ab_history").one().n);
  }

  /** Every look, oldest first. */
  points(): AbHistoryPoint[] {
    this.ensure();
    return this.sql.exec<Row>("SELECT t, impressions, clicks, intervals FROM ab_history ORDER BY seq").toArray().map(toPoint);
  }

  /**
   * The looks a chart can use: all of them up to MAX_CHART_ROWS, else an even sample chosen in SQL
   * (always with the first and the newest look), so a very long test never loads whole into memory.
   */
  chartPoints(): AbHistoryPoint[] {
    this.ensure();
    const { n, first, last } = this.sql
      .exec<{ n: number; first: number | null; last: number | null }>(
        "SELECT COUNT(*) AS n, MIN(seq) AS first, MAX(seq) AS last FROM ab_history",
      )
      .one();
    if (n <= MAX_CHART_ROWS) return this.points();
    const stride = Math.ceil(n / MAX_CHART_ROWS);
    return this.sql
      .exec<Row>(
        "SELECT t, impressions, clicks, intervals FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY seq) AS i FROM ab_history) WHERE i % ? = 0 OR seq = ? OR seq = ? ORDER BY seq",
        stride,
        first,
        last,
      )
      .toArray()
      .map(toPoint);
  }
}
