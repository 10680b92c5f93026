"use client";

import { useEffect } from "react";

/**
 * Tells the server that the learner has this lesson on screen, once per lesson shown: the dashboard's "continue where
 * you stopped" goes there. From the browser rather than the page's render, which Next also runs to prefetch a link.
 */
export function RecordVisit({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  useEffect(() => {
    fetch(`/api/my-courses/${courseId}/lessons/${lessonId}/opened`, { method: "POST", credentials: "same-origin" }).catch(() => undefined);
  }, [courseId, lessonId]);
  return null;
}
