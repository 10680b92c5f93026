import type { DemoQuizQuestion } from "@/lib/demo/quizzes";

/** The right answer to a demo question (src/lib/demo/quizzes.ts), in the shape PUT …/attempts/[attemptId]/answers takes. */
export function rightAnswer(q: DemoQuizQuestion): unknown {
  switch (q.type) {
    case "single":
      return { optionId: q.options.find((o) => o.correct)!.id };
    case "multiple":
      return { optionIds: q.options.filter((o) => o.correct).map((o) => o.id) };
    case "true_false":
      return { optionId: String(q.correct) };
    case "short_text":
      return { text: q.acceptedAnswers[0] };
    case "numeric":
      return { value: q.answer };
  }
}
