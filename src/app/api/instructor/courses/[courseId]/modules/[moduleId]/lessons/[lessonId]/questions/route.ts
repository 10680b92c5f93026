import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { createQuestion } from "@/lib/quizzes/manage-questions";
import { lessonParams } from "@/lib/validation/ids";
import { createQuestionSchema } from "@/lib/validation/quiz";

/** Adds a question to the quiz, at `position` or at the end. */
export const POST = route(
  { access: ["INSTRUCTOR", "ADMIN"], params: lessonParams, body: createQuestionSchema },
  async ({ viewer, params, body }) => NextResponse.json({ question: await createQuestion(viewer, params, body) }, { status: 201 }),
);
