import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getQuizForEditor, updateQuizSettings } from "@/lib/quizzes/manage-quiz";
import { lessonParams } from "@/lib/validation/ids";
import { updateQuizSettingsSchema } from "@/lib/validation/quiz";

const editors = ["INSTRUCTOR", "ADMIN"] as const;

/** The quiz editor's data: settings, and the questions with their answers. 404 when the lesson is not a quiz. */
export const GET = route({ access: editors, params: lessonParams }, async ({ viewer, params }) =>
  NextResponse.json({ quiz: await getQuizForEditor(viewer, params) }),
);

/** Any of passingScore, maxAttempts, timeLimitMinutes, shuffleQuestions, shuffleOptions, showAnswers. */
export const PATCH = route({ access: editors, params: lessonParams, body: updateQuizSettingsSchema }, async ({ viewer, params, body }) =>
  NextResponse.json({ settings: await updateQuizSettings(viewer, params, body) }),
);
