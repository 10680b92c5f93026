"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { usePlayerProgress } from "@/components/player/player-progress";
import type { ApiResult } from "@/lib/http/client-json";
import { quizApi, type AttemptSummary, type LearnerAnswer, type LearnerAttempt, type LearnerQuestion, type QuizStatus } from "./quiz-api";
import { QuizIntro } from "./quiz-intro";
import { QuizResult } from "./quiz-result";
import { QuizTaking } from "./quiz-taking";

export type QuizPanelData = {
  quiz: QuizStatus;
  attempts: AttemptSummary[];
  /** The editors' preview: the questions as a learner gets them; no attempt is made. */
  previewQuestions?: LearnerQuestion[];
};

type Screen =
  { name: "intro" } | { name: "taking"; attempt: LearnerAttempt; offsetMs: number } | { name: "result"; attempt: LearnerAttempt };

const summaryOf = (a: LearnerAttempt): AttemptSummary => ({
  id: a.id,
  number: a.number,
  status: a.status,
  startedAt: a.startedAt,
  deadlineAt: a.deadlineAt,
  submittedAt: a.submittedAt,
  timedOut: a.timedOut,
  score: a.score,
  pointsEarned: a.pointsEarned,
  pointsPossible: a.pointsPossible,
  passed: a.passed,
});

const savedNowhere = async (): Promise<ApiResult<unknown>> => ({ ok: true, data: null });

/**
 * A quiz lesson in the player: its intro with the learner's attempts, taking an attempt, and its result. Passing moves
 * the lesson's tick and the course's progress through the player's progress context (the server completed the lesson
 * in the grading's transaction). In the editors' preview the questions are shown from the page's data, answers stay on
 * the page, and nothing is sent.
 */
export function QuizLesson({ courseId, lessonId, data }: { courseId: string; lessonId: string; data: QuizPanelData }) {
  const { tracking, confirm } = usePlayerProgress();
  const api = useMemo(() => quizApi(courseId, lessonId), [courseId, lessonId]);
  const [quiz, setQuiz] = useState(data.quiz);
  const [attempts, setAttempts] = useState(data.attempts);
  const [screen, setScreen] = useState<Screen>({ name: "intro" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // A new screen (the intro coming back, a result) starts at its heading; the questions screen focuses its own.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    headingRef.current?.focus();
  }, [screen]);
  const go = (next: Screen) => {
    moved.current = true;
    setScreen(next);
  };

  const remember = useCallback((attempt: LearnerAttempt, status: QuizStatus) => {
    setQuiz(status);
    setAttempts((list) => [summaryOf(attempt), ...list.filter((a) => a.id !== attempt.id)].sort((a, b) => b.number - a.number));
  }, []);

  async function start() {
    setError(null);
    if (!tracking) {
      const questions = data.previewQuestions ?? [];
      const now = new Date().toISOString();
      go({
        name: "taking",
        offsetMs: 0,
        attempt: {
          id: "preview",
          number: 1,
          status: "open",
          startedAt: now,
          deadlineAt: null,
          submittedAt: null,
          timedOut: false,
          score: null,
          pointsEarned: null,
          pointsPossible: null,
          passed: null,
          questions,
          answers: {},
          now,
          result: null,
        },
      });
      return;
    }
    setBusy(true);
    const result = await api.start();
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    remember(result.data.attempt, result.data.quiz);
    go({ name: "taking", attempt: result.data.attempt, offsetMs: Date.parse(result.data.attempt.now) - Date.now() });
  }

  async function openAttempt(attemptId: string) {
    setError(null);
    setBusy(true);
    const result = await api.open(attemptId);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    go({ name: "result", attempt: result.data.attempt });
  }

  // Nothing is sent in the preview: its attempt exists on the page only.
  const attemptId = tracking && screen.name === "taking" ? screen.attempt.id : null;
  const save = useCallback(
    (questionId: string, answer: LearnerAnswer | null) => (attemptId ? api.save(attemptId, questionId, answer) : savedNowhere()),
    [api, attemptId],
  );

  const submit = useCallback(async (): Promise<string | null> => {
    if (!attemptId) return null;
    const result = await api.submit(attemptId);
    if (!result.ok) return result.error.message;
    const { attempt, quiz: status, progress } = result.data;
    remember(attempt, status);
    confirm(progress);
    if (attempt.passed)
      toast.success(progress.courseCompleted ? "Quiz passed. You have finished the course!" : "Quiz passed. The lesson is complete.");
    go({ name: "result", attempt });
    return null;
  }, [api, attemptId, confirm, remember]);

  if (screen.name === "taking") {
    return (
      <QuizTaking
        key={screen.attempt.id}
        attempt={screen.attempt}
        offsetMs={screen.offsetMs}
        tracking={tracking}
        save={save}
        onSubmit={submit}
        onLeavePreview={() => go({ name: "intro" })}
      />
    );
  }
  if (screen.name === "result") {
    return (
      <QuizResult
        ref={headingRef}
        attempt={screen.attempt}
        quiz={quiz}
        busy={busy}
        error={error}
        onRetry={() => void start()}
        onBack={() => {
          setError(null);
          go({ name: "intro" });
        }}
      />
    );
  }
  return (
    <QuizIntro
      ref={headingRef}
      quiz={quiz}
      attempts={attempts}
      tracking={tracking}
      busy={busy}
      error={error}
      onStart={() => void start()}
      onOpen={(id) => void openAttempt(id)}
    />
  );
}
