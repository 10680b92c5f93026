"use client";

import { createContext, useCallback, useContext, useMemo, useState } from "react";

type PlayerProgressValue = {
  /** false in an editor's preview: ticks and progress move on the page only, nothing is sent. */
  tracking: boolean;
  isCompleted: (lessonId: string) => boolean;
  progress: number;
  courseCompleted: boolean;
  /** Sets a lesson's tick and the progress at once, before the server answers. */
  setCompleted: (lessonId: string, completed: boolean) => void;
  /** The server's word after a write: its progress wins over the local estimate. */
  confirm: (result: { lessonId: string; completed: boolean; progress: number; courseCompleted: boolean }) => void;
};

const PlayerProgressContext = createContext<PlayerProgressValue | null>(null);

export function usePlayerProgress() {
  const value = useContext(PlayerProgressContext);
  if (!value) throw new Error("usePlayerProgress needs a PlayerProgressProvider");
  return value;
}

/** The learner's completion state for the player page: the sidebar ticks, the progress bar and the toggle share it. */
export function PlayerProgressProvider({
  lessonIds,
  initialCompleted,
  initialProgress,
  tracking,
  children,
}: {
  lessonIds: string[];
  initialCompleted: string[];
  initialProgress: number;
  tracking: boolean;
  children: React.ReactNode;
}) {
  const [completed, setCompletedIds] = useState(() => new Set(initialCompleted));
  const [progress, setProgress] = useState(initialProgress);

  const setCompleted = useCallback(
    (lessonId: string, done: boolean) => {
      const next = new Set(completed);
      if (done) next.add(lessonId);
      else next.delete(lessonId);
      const doneCount = lessonIds.filter((id) => next.has(id)).length;
      setCompletedIds(next);
      setProgress(lessonIds.length === 0 ? 0 : Math.floor((100 * doneCount) / lessonIds.length));
    },
    [completed, lessonIds],
  );

  const confirm = useCallback<PlayerProgressValue["confirm"]>((result) => {
    setCompletedIds((previous) => {
      if (previous.has(result.lessonId) === result.completed) return previous;
      const next = new Set(previous);
      if (result.completed) next.add(result.lessonId);
      else next.delete(result.lessonId);
      return next;
    });
    setProgress(result.progress);
  }, []);

  const value = useMemo<PlayerProgressValue>(
    () => ({
      tracking,
      isCompleted: (lessonId) => completed.has(lessonId),
      progress,
      courseCompleted: lessonIds.length > 0 && progress >= 100,
      setCompleted,
      confirm,
    }),
    [tracking, completed, progress, lessonIds.length, setCompleted, confirm],
  );
  return <PlayerProgressContext.Provider value={value}>{children}</PlayerProgressContext.Provider>;
}
