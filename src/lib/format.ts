/** "45 min", "2 h", "3 h 20 min". */
export function formatDuration(minutes: number | null | undefined): string | null {
  if (!minutes || minutes <= 0) return null;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

const difficultyLabels: Record<string, string> = {
  beginner: "Beginner",
  intermediate: "Intermediate",
  advanced: "Advanced",
};

export function difficultyLabel(difficulty: string | null | undefined) {
  return difficulty ? (difficultyLabels[difficulty] ?? difficulty) : null;
}

/**
 * "512 B", "1.5 MiB", "4 GiB": binary units, as the upload limits are set (UPLOAD_MAX_VIDEO_BYTES=4294967296 reads
 * "4 GiB"), so that a file's size and the limit it is held to are told in the same units.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}

/** The refusal of a new quiz attempt once all are used: the server's 409 says it, and the player the same without asking. */
export function usedAllAttempts(allowed: number): string {
  return `You have used all ${plural(allowed, "attempt")} this quiz allows. Ask your instructor if you need another.`;
}

/** What a learner is told on a course whose learners are enrolled by the school (staff, a cohort, an invitation). */
export const SELF_ENROLLMENT_OFF_MESSAGE = "Enrollment in this course is by the school: ask your instructor or an admin to enroll you.";

/** What a learner is told once staff's end date on their enrollment has passed (the 403 and the player's notice). */
export const ENROLLMENT_ENDED_MESSAGE = "Your enrollment in this course has ended: you can still read it, but nothing new is recorded.";
