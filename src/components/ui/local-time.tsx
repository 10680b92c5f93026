"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};
const UTC = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * A date and time in the reader's own time zone, with the zone named (a due date means the same moment to everyone, but
 * each reads it in their own). The server's HTML, which cannot know the zone, says it in UTC until the page's script runs.
 */
export function LocalTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  const text = useSyncExternalStore(
    noSubscription,
    () => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", timeZoneName: "short" }).format(date),
    () => `${UTC.format(date)} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}
