import type { QuizOption, QuizQuestionType } from "@/lib/db/schema";

/**
 * Grading, as pure functions: the server grades every attempt with these, and nothing else decides a score. An answer
 * of the wrong shape, an option that is not the question's or an unreadable number is simply wrong (0 points); saving
 * an answer already refuses most of those with a 400, but grading never trusts what was stored.
 */

export type GradableQuestion = {
  id: string;
  type: QuizQuestionType;
  points: number;
  options: QuizOption[];
  partialCredit: boolean;
  acceptedAnswers: string[];
  numericAnswer: number | null;
  tolerance: number;
};

export type GradedAnswer = { questionId: string; correct: boolean; points: number };

export type GradedAttempt = {
  /** Percent of the points, two decimals. */
  score: number;
  pointsEarned: number;
  pointsPossible: number;
  passed: boolean;
  answers: GradedAnswer[];
};

/**
 * Short answers are compared after Unicode normalisation (NFKC), trimming, collapsing spaces and case folding (upper
 * then lower case, so that "Straße" and "STRASSE" meet, as full case folding has it).
 */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").trim().replace(/\s+/gu, " ").toUpperCase().toLowerCase().normalize("NFKC");
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A number as a learner may type it: spaces (also thin and no-break ones) are dropped, so "1 000" is 1000; a lone
 * comma is a decimal comma ("3,5" is 3.5); commas beside a point, or several, group thousands ("1,000.5", "1,000,000").
 * Anything else is not a number (null).
 */
export function parseNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  let text = value.replace(/[\s\u00a0\u2009\u202f]/gu, "").replace(/^\u2212/u, "-");
  const commas = (text.match(/,/g) ?? []).length;
  if (commas === 1 && !text.includes(".")) text = text.replace(",", ".");
  else if (commas > 0) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) return null;
    text = text.replace(/,/g, "");
  }
  if (!NUMBER.test(text)) return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Points for one answer, between 0 and the question's points. */
export function gradeAnswer(question: GradableQuestion, answer: unknown): GradedAnswer {
  const full = { questionId: question.id, correct: true, points: question.points };
  const wrong = { questionId: question.id, correct: false, points: 0 };
  if (!isObject(answer)) return wrong;
  switch (question.type) {
    case "single":
    case "true_false": {
      const chosen = question.options.find((o) => o.id === answer.optionId);
      return chosen?.correct ? full : wrong;
    }
    case "multiple": {
      if (!Array.isArray(answer.optionIds)) return wrong;
      const chosen = new Set(answer.optionIds.filter((v): v is string => typeof v === "string"));
      const correctIds = new Set(question.options.filter((o) => o.correct).map((o) => o.id));
      if (correctIds.size === 0) return wrong;
      const right = [...chosen].filter((id) => correctIds.has(id)).length;
      // An id that is not a correct option of this question (a wrong option, another question's, a made-up one) counts
      // against the answer.
      const wrongChosen = chosen.size - right;
      if (right === correctIds.size && wrongChosen === 0) return full;
      if (!question.partialCredit) return wrong;
      const share = Math.max(0, (right - wrongChosen) / correctIds.size);
      return { questionId: question.id, correct: false, points: Math.round(question.points * share * 100) / 100 };
    }
    case "short_text": {
      if (typeof answer.text !== "string") return wrong;
      const given = normalizeText(answer.text);
      if (given === "") return wrong;
      return question.acceptedAnswers.some((a) => normalizeText(a) === given) ? full : wrong;
    }
    case "numeric": {
      const given = parseNumber(answer.value);
      if (given === null || question.numericAnswer === null) return wrong;
      // A hair of slack for binary fractions: 0.1 + 0.2 is within 0 of 0.3.
      const slack = question.tolerance + 1e-9 * Math.max(1, Math.abs(question.numericAnswer));
      return Math.abs(given - question.numericAnswer) <= slack ? full : wrong;
    }
  }
}

/**
 * Grades every question of an attempt; a question with no answer scores 0. The score is the percent of the points,
 * rounded to two decimals, and passes when it reaches the passing score.
 */
export function gradeAttempt(
  questions: readonly GradableQuestion[],
  answers: ReadonlyMap<string, unknown>,
  passingScore: number,
): GradedAttempt {
  const graded = questions.map((q) => gradeAnswer(q, answers.get(q.id)));
  const pointsPossible = questions.reduce((sum, q) => sum + q.points, 0);
  const pointsEarned = Math.round(graded.reduce((sum, a) => sum + a.points, 0) * 100) / 100;
  const score = pointsPossible === 0 ? 0 : Math.round((10_000 * pointsEarned) / pointsPossible) / 100;
  return { score, pointsEarned, pointsPossible, passed: pointsPossible > 0 && score >= passingScore, answers: graded };
}
