import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { saveAnswer } from "@/lib/quizzes/attempts-answers";
import { attemptParams, saveAnswerSchema } from "@/lib/validation/quiz";

/** Saves one answer of an open attempt ({ questionId, answer }; a null answer clears it). */
export const PUT = route({ access: "user", params: attemptParams, body: saveAnswerSchema }, async ({ viewer, params, body }) =>
  NextResponse.json(await saveAnswer(viewer, params.courseId, params.lessonId, params.attemptId, body)),
);
