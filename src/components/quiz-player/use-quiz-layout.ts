"use client";

import { useCallback, useSyncExternalStore } from "react";

/** One question per screen, or every question on one page: the learner's choice, kept in this browser for every quiz. */
export type QuizLayout = "one" | "all";

const KEY = "budhhub.quiz-layout";
const CHANGED = "budhhub:quiz-layout";

/** The choice when the browser refuses storage (some private windows): it then lasts while the page is open. */
let remembered: QuizLayout = "one";

function read(): QuizLayout {
  try {
    const stored = window.localStorage.getItem(KEY);
    return stored === "all" || stored === "one" ? stored : remembered;
  } catch {
    return remembered;
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

export function useQuizLayout(): [QuizLayout, (layout: QuizLayout) => void] {
  const layout = useSyncExternalStore(subscribe, read, () => "one" as const);
  const set = useCallback((next: QuizLayout) => {
    remembered = next;
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // Kept in `remembered` instead.
    }
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [layout, set];
}
