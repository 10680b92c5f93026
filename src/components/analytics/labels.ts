import type { AnalyticsBucket } from "@/lib/validation/analytics";

// Bucket dates are UTC days (YYYY-MM-DD); formatting them in UTC keeps the server and the browser on the same label.
const shortDay = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const longDay = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

const utcDay = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

/** An axis tick: "Nov 17". */
export const tickLabel = (isoDay: string) => shortDay.format(utcDay(isoDay));

/** A bucket in full, for tables and tooltips: "Nov 17, 2026" or "Week of Nov 17, 2026". */
export function bucketLabel(isoDay: string, bucket: AnalyticsBucket) {
  const day = longDay.format(utcDay(isoDay));
  return bucket === "week" ? `Week of ${day}` : day;
}

/** "3:05" for 185 seconds; "1:02:00" past an hour. */
export function formatSeconds(total: number) {
  const s = Math.round(total);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** "37.5%" with at most one decimal. */
export const percent = (value: number) => `${Number(value.toFixed(1))}%`;
