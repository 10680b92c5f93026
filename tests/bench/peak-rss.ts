import fs from "node:fs";

/** The process's child processes (Linux: /proc/PID/task/TID/children). */
function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/))
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** VmHWM: the highest resident set size the process has had since it started, in bytes. */
function highWaterMark(pid: number): number {
  try {
    const line = fs
      .readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((l) => l.startsWith("VmHWM:"));
    return line ? Number(line.replace(/\D+/g, "")) * 1024 : 0;
  } catch {
    return 0;
  }
}

function tree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childrenOf(all[i]!));
  return all;
}

/**
 * Starts a new peak: writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0; allowed on one's own
 * processes), so that the next peakRss is this scenario's.
 */
export function resetPeakRss(pid: number | undefined) {
  if (!pid) return;
  for (const p of tree(pid)) {
    try {
      fs.writeFileSync(`/proc/${p}/clear_refs`, "5");
    } catch {
      // Not Linux, or not allowed: the peak then covers the run so far.
    }
  }
}

/**
 * The server's peak resident memory since it started or since resetPeakRss: the sum of the peaks of `next start` and every process under it (each
 * peak may come at its own moment, so this is an upper bound of the true joint peak). Read before the server stops.
 * Null where /proc is not there (not Linux).
 */
export function peakRss(pid: number | undefined): number | null {
  if (!pid || !fs.existsSync(`/proc/${pid}/status`)) return null;
  return tree(pid).reduce((sum, p) => sum + highWaterMark(p), 0);
}
