import type { QuizQuestion } from "@/lib/db/schema";
import { gradeAttempt, type GradedAttempt } from "@/lib/quizzes/grade";
import { answerValueSchema, type AnswerValue } from "@/lib/validation/quiz";

export type QuizOutcome = "pass" | "fail";

type SeedQuestion = Pick<
  QuizQuestion,
  "id" | "type" | "points" | "options" | "partialCredit" | "acceptedAnswers" | "numericAnswer" | "tolerance"
> & { mistake: NonNullable<AnswerValue> };

/** The answer a learner who knows it gives, as they might type it (short answers in lower case). */
function rightAnswer(q: SeedQuestion): NonNullable<AnswerValue> {
  switch (q.type) {
    case "single":
    case "true_false":
      return { optionId: q.options.find((o) => o.correct)!.id };
    case "multiple":
      return { optionIds: q.options.filter((o) => o.correct).map((o) => o.id) };
    case "short_text":
      return { text: q.acceptedAnswers[0]!.toLowerCase() };
    case "numeric":
      return { value: q.numericAnswer! };
  }
}

/**
 * A demo learner's answers to a quiz, and their grading by the server's grading code (src/lib/quizzes/grade.ts): a
 * learner who passes gets one question wrong when they can afford it, one who fails makes the demo's mistake on about
 * half the questions and leaves one blank. `seed` varies which questions. Throws when the grading does not give the
 * outcome asked for, so that demo data that stops making sense fails the seed's tests rather than showing odd results.
 */
export function demoQuizAttempt(
  questions: readonly SeedQuestion[],
  passingScore: number,
  outcome: QuizOutcome,
  seed: number,
): { answers: Map<string, AnswerValue>; graded: GradedAttempt } {
  const grade = (answers: Map<string, AnswerValue>) => ({ answers, graded: gradeAttempt(questions, answers, passingScore) });
  const answersWith = (wrong: (i: number) => boolean, blank = -1) =>
    new Map(
      questions.flatMap((q, i): [string, AnswerValue][] =>
        i === blank ? [] : [[q.id, answerValueSchema.parse(wrong(i) ? q.mistake : rightAnswer(q))]],
      ),
    );
  const n = questions.length;
  let result;
  if (outcome === "pass") {
    result = grade(answersWith((i) => i === seed % n));
    if (!result.graded.passed) result = grade(answersWith(() => false));
  } else {
    const wrong = (i: number) => (i + seed) % 2 === 0;
    result = grade(
      answersWith(
        wrong,
        [...Array(n).keys()].find((i) => !wrong(i)),
      ),
    );
  }
  if (result.graded.passed !== (outcome === "pass")) {
    throw new Error(`A demo quiz attempt meant to ${outcome} scored ${result.graded.score} % (passing: ${passingScore} %).`);
  }
  return result;
}
