"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};
const words = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** How long until (or since) a moment, in words: "in 3 days", "2 hours ago". Said after the page's script runs. */
export function TimeLeft({ iso }: { iso: string }) {
  return useSyncExternalStore(
    noSubscription,
    () => relative(new Date(iso).getTime() - Date.now()),
    () => "time left shown once the page has loaded",
  );
}

function relative(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (Math.abs(minutes) < 60) return words.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return words.format(hours, "hour");
  return words.format(Math.round(hours / 24), "day");
}
