/**
 * What the quiz results answer in: the lib returns it, the API sends it as JSON and the results page shows it. Dates are
 * ISO strings so that the same object crosses the server/client boundary unchanged.
 *
 * Which attempts count: every figure (average, median, pass rate, distribution, item analysis) is over each learner's
 * best graded attempt (the highest score; the earlier one on a tie), so that a learner who retries five times weighs
 * as much as one who passed at once. The attempts table lists every graded attempt and marks the counted ones.
 */

export const RESULTS_COUNT_RULE = "best" as const;

export type ScoreBand = {
  /** "0–9 %", "10–19 %" … "90–100 %". */
  label: string;
  /** Lowest score in the band; a band holds scores from `from` up to (not including) `from + 10`, the last one 100 too. */
  from: number;
  count: number;
};

export type ResultsSummary = {
  /** Learners with at least one graded attempt: the counted attempts. */
  learners: number;
  /** Every graded attempt, retries included. */
  attempts: number;
  /** Of the counted attempts, one decimal; null when there is none. */
  averageScore: number | null;
  medianScore: number | null;
  /** Learners whose best attempt passed. */
  passed: number;
  /** passed / learners × 100, one decimal; null when there is none. */
  passRate: number | null;
};

export type WrongAnswer = {
  /** The most common wrong answers, several when they tie (at most three shown), as the learner would read them. */
  answers: string[];
  count: number;
};

export type QuestionAnalysis = {
  questionId: string;
  /** 1-based, in the quiz's order. */
  position: number;
  type: "single" | "multiple" | "true_false" | "short_text" | "numeric";
  /** The prompt as plain text, shortened. */
  prompt: string;
  points: number;
  /** Counted attempts that had this question. */
  attempts: number;
  /** Of those, answered right (full points). */
  correct: number;
  /** correct / attempts × 100, one decimal; null when no counted attempt had it. */
  correctRate: number | null;
  /** Of those, left without an answer. */
  unanswered: number;
  /**
   * Choice questions: the wrong option chosen most (by counted attempts that chose it); short_text and numeric: the most
   * common wrong answer once normalised as grading compares it. Null when nobody answered it wrong that way.
   */
  commonWrong: WrongAnswer | null;
};

export type ResultsAttempt = {
  attemptId: string;
  learnerId: string;
  learnerName: string | null;
  learnerEmail: string;
  number: number;
  score: number;
  pointsEarned: number;
  pointsPossible: number;
  passed: boolean;
  startedAt: string;
  submittedAt: string;
  /** Seconds between start and submit. */
  seconds: number;
  /** Whether the figures count this attempt (the learner's best). */
  counted: boolean;
};

export type ResultsLearner = {
  learnerId: string;
  learnerName: string | null;
  learnerEmail: string;
  /** Attempts started, the open one included. */
  attemptsUsed: number;
  bestScore: number | null;
  passed: boolean;
  /** Attempts the instructor granted beyond the quiz's limit. */
  extraAttempts: number;
  /** maxAttempts + extra; null when the quiz has no limit. */
  attemptsAllowed: number | null;
};

export type QuizResults = {
  course: { id: string; title: string };
  quiz: {
    lessonId: string;
    title: string;
    passingScore: number;
    maxAttempts: number | null;
    questions: number;
    pointsPossible: number;
  };
  countRule: typeof RESULTS_COUNT_RULE;
  summary: ResultsSummary;
  distribution: ScoreBand[];
  questions: QuestionAnalysis[];
  /** The latest graded attempts, newest first, at most `listLimit`; the CSV has them all. */
  attempts: ResultsAttempt[];
  /** Learners who started the quiz, latest activity first, at most `listLimit`. */
  learners: ResultsLearner[];
  learnersTotal: number;
  listLimit: number;
};

/** What the grant answers: the learner's allowance after it. */
export type GrantedAttempt = { learnerId: string; extraAttempts: number; attemptsAllowed: number | null; attemptsUsed: number };
