import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { deleteQuestion, updateQuestion } from "@/lib/quizzes/manage-questions";
import { questionParams, updateQuestionSchema } from "@/lib/validation/quiz";

const editors = ["INSTRUCTOR", "ADMIN"] as const;

/** Changes the question: the change is merged into it and the whole is checked again. */
export const PATCH = route(
  { access: editors, params: questionParams, body: updateQuestionSchema },
  async ({ viewer, params: { questionId, ...path }, body }) =>
    NextResponse.json({ question: await updateQuestion(viewer, path, questionId, body) }),
);

export const DELETE = route({ access: editors, params: questionParams }, async ({ viewer, params: { questionId, ...path } }) => {
  await deleteQuestion(viewer, path, questionId);
  return new NextResponse(null, { status: 204 });
});
