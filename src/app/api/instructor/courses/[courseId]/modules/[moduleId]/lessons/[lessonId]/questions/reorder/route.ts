import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { reorderQuestions } from "@/lib/quizzes/manage-questions";
import { lessonParams } from "@/lib/validation/ids";
import { reorderQuestionsSchema } from "@/lib/validation/quiz";

/** { order }: every question of the quiz, once each, in the new order. */
export const POST = route(
  { access: ["INSTRUCTOR", "ADMIN"], params: lessonParams, body: reorderQuestionsSchema },
  async ({ viewer, params, body }) => NextResponse.json({ questions: await reorderQuestions(viewer, params, body.order) }),
);
