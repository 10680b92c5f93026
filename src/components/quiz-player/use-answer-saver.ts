"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiResult } from "@/lib/http/client-json";
import type { LearnerAnswer } from "./quiz-api";

export type SaveState = { state: "pending" | "saving" | "saved" | "failed"; message?: string };
type Answers = Record<string, LearnerAnswer | null>;

/** How long typing rests before a typed answer is sent. */
const TYPING_PAUSE_MS = 600;

/**
 * The attempt's answers on the page and their saving: a choice is sent at once, typing once it rests; one request per
 * question at a time, the latest value last, so a slow answer never overwrites a newer one. `flush` sends what waits and
 * resolves when everything is answered. A 409 (the attempt was submitted elsewhere, or its time is up) calls `onClosed`.
 */
export function useAnswerSaver({
  initial,
  save,
  onClosed,
}: {
  initial: Answers;
  save: (questionId: string, answer: LearnerAnswer | null) => Promise<ApiResult<unknown>>;
  onClosed: (message: string) => void;
}) {
  const [answers, setAnswers] = useState<Answers>(initial);
  const [status, setStatus] = useState<Record<string, SaveState>>({});
  const latest = useRef<Answers>(initial);
  const statusRef = useRef<Record<string, SaveState>>({});
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const inflight = useRef(new Map<string, Promise<void>>());
  const dirty = useRef(new Set<string>());
  const callbacks = useRef({ save, onClosed });
  useEffect(() => {
    callbacks.current = { save, onClosed };
  });

  const mark = useCallback((questionId: string, state: SaveState) => {
    statusRef.current = { ...statusRef.current, [questionId]: state };
    setStatus(statusRef.current);
  }, []);

  const send = useCallback(
    (questionId: string): Promise<void> => {
      const running = inflight.current.get(questionId);
      if (running) {
        dirty.current.add(questionId);
        return running;
      }
      const saving = (async () => {
        do {
          dirty.current.delete(questionId);
          mark(questionId, { state: "saving" });
          const result = await callbacks.current.save(questionId, latest.current[questionId] ?? null);
          if (!result.ok) {
            const closed = result.error.status === 409;
            // A newer value typed meanwhile may be fine ("3," refused, then "3,5"): send it.
            if (!closed && dirty.current.has(questionId)) continue;
            dirty.current.delete(questionId);
            mark(questionId, { state: "failed", message: result.error.message });
            if (closed) callbacks.current.onClosed(result.error.message);
            return;
          }
        } while (dirty.current.has(questionId));
        mark(questionId, { state: "saved" });
      })().finally(() => inflight.current.delete(questionId));
      inflight.current.set(questionId, saving);
      return saving;
    },
    [mark],
  );

  const setAnswer = useCallback(
    (questionId: string, answer: LearnerAnswer | null, { typing = false } = {}) => {
      latest.current = { ...latest.current, [questionId]: answer };
      setAnswers(latest.current);
      const timer = timers.current.get(questionId);
      if (timer) clearTimeout(timer);
      timers.current.delete(questionId);
      if (!typing) {
        void send(questionId);
        return;
      }
      mark(questionId, { state: "pending" });
      timers.current.set(
        questionId,
        setTimeout(() => {
          timers.current.delete(questionId);
          void send(questionId);
        }, TYPING_PAUSE_MS),
      );
    },
    [mark, send],
  );

  /** Sends what is waiting and resolves once every save is answered, with the questions not saved. */
  const flush = useCallback(async (): Promise<string[]> => {
    for (const [questionId, timer] of timers.current) {
      clearTimeout(timer);
      void send(questionId);
    }
    timers.current.clear();
    while (inflight.current.size > 0) await Promise.all([...inflight.current.values()]);
    return Object.entries(statusRef.current).flatMap(([id, s]) => (s.state === "failed" ? [id] : []));
  }, [send]);

  // Leaving the page while typing: send what waits (nobody is left to hear the answer).
  useEffect(() => {
    const waiting = timers.current;
    return () => {
      for (const [questionId, timer] of waiting) {
        clearTimeout(timer);
        void send(questionId);
      }
    };
  }, [send]);

  return { answers, status, setAnswer, retry: send, flush };
}
