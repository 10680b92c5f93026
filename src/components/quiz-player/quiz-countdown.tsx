"use client";

import { useEffect, useRef, useState } from "react";
import { Timer } from "lucide-react";

/** Warnings read out by screen readers, in minutes left. */
const WARNINGS = [5, 1];

export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * The time left of a timed attempt, against the server's clock (`offsetMs`: server minus this device), ticking each
 * second. The clock itself is not a live region (a screen reader would read every second); a polite one says "5
 * minutes left" and "1 minute left" once each as they pass. At zero it calls `onExpire` once.
 */
export function QuizCountdown({ deadlineAt, offsetMs, onExpire }: { deadlineAt: string; offsetMs: number; onExpire: () => void }) {
  const deadline = new Date(deadlineAt).getTime();
  const left = () => deadline - (Date.now() + offsetMs);
  const [remaining, setRemaining] = useState(left);
  const [announcement, setAnnouncement] = useState("");
  // Warnings already past when the clock appears (a resumed attempt) are not read out late.
  const announced = useRef(new Set(WARNINGS.filter((m) => left() <= m * 60_000)));
  const expired = useRef(false);
  const expire = useRef(onExpire);
  useEffect(() => {
    expire.current = onExpire;
  });

  useEffect(() => {
    const tick = () => {
      const ms = deadline - (Date.now() + offsetMs);
      setRemaining(ms);
      for (const minutes of WARNINGS) {
        if (ms <= minutes * 60_000 && !announced.current.has(minutes)) {
          announced.current.add(minutes);
          setAnnouncement(`${minutes} minute${minutes === 1 ? "" : "s"} left`);
        }
      }
      if (ms <= 0 && !expired.current) {
        expired.current = true;
        setAnnouncement("Time is up. Your answers are being submitted.");
        expire.current();
      }
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadline, offsetMs]);

  const urgent = remaining <= 60_000;
  return (
    <div className="flex items-center gap-2">
      <Timer aria-hidden="true" className="h-5 w-5" />
      <p
        role="timer"
        className={`font-semibold tabular-nums ${urgent ? "text-red-800 dark:text-red-300" : "text-slate-900 dark:text-slate-100"}`}
      >
        Time left: {formatClock(remaining)}
      </p>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
