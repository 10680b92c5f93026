/**
 * Where a learner picks a course up. A lesson counts as opened once it has a progress row (opening it in the player
 * writes one; completing it or saving a video position too), and its row's updated_at says when it was last used.
 */

export type ResumableLesson = { id: string; completed: boolean; openedAt: Date | null };

/** The lesson used last (the later one in course order on a tie), or null before any was opened. */
export function lastOpenedLesson<T extends ResumableLesson>(lessons: readonly T[]): T | null {
  let last: T | null = null;
  for (const lesson of lessons) {
    if (lesson.openedAt && (!last || lesson.openedAt.getTime() >= last.openedAt!.getTime())) last = lesson;
  }
  return last;
}

/**
 * The lesson to continue with, from the course's lessons in order: the one opened last while it is not completed;
 * once it is, the first lesson not completed after it (then before it). Before any was opened, the first lesson not
 * completed; the first lesson once every one is done; null for a course without lessons.
 */
export function resumeLesson<T extends ResumableLesson>(lessons: readonly T[]): T | null {
  const last = lastOpenedLesson(lessons);
  if (last && !last.completed) return last;
  const from = last ? lessons.indexOf(last) + 1 : 0;
  return lessons.slice(from).find((l) => !l.completed) ?? lessons.find((l) => !l.completed) ?? lessons[0] ?? null;
}

/** Whether any lesson of the course was opened: the course's button says Continue rather than Start. */
export function hasStarted(lessons: readonly ResumableLesson[]): boolean {
  return lessons.some((l) => l.openedAt !== null);
}
