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
    // dateStyle and timeStyle cannot be combined with timeZoneName: the fields are named one by one.
    () =>
      new Intl.DateTimeFormat(undefined, {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZoneName: "short",
      }).format(date),
    () => `${UTC.format(date)} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}
