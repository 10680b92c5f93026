"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { buttonStyles } from "@/components/ui/button-styles";

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * Previous and Next in the grading queue, as links and as the keys p and n (not while typing in a field, and not with a
 * modifier, so that the browser's and the screen reader's own keys keep working).
 */
export function QueueKeys({ previous, next }: { previous: string | null; next: string | null }) {
  const router = useRouter();
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || typing(event.target)) return;
      const href = event.key === "n" ? next : event.key === "p" ? previous : null;
      if (!href) return;
      event.preventDefault();
      router.push(href);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [previous, next, router]);
  return (
    <span className="flex gap-2">
      {previous ? (
        <Link href={previous} className={buttonStyles.secondary} aria-keyshortcuts="p" rel="prev">
          Previous submission
        </Link>
      ) : (
        <span className="px-4 py-2 text-slate-600 dark:text-slate-300">First in the list</span>
      )}
      {next ? (
        <Link href={next} className={buttonStyles.secondary} aria-keyshortcuts="n" rel="next">
          Next submission
        </Link>
      ) : (
        <span className="px-4 py-2 text-slate-600 dark:text-slate-300">Last in the list</span>
      )}
    </span>
  );
}
