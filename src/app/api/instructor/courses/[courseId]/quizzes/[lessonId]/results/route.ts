import { NextResponse } from "next/server";
import { csvResponse } from "@/app/_http/csv-response";
import { route } from "@/app/_http/route";
import { getQuizResults } from "@/lib/quizzes/results";
import { exportQuizResults } from "@/lib/quizzes/results-csv";
import { quizResultsParams, quizResultsQuerySchema } from "@/lib/validation/quiz";

/**
 * A quiz's results for the course's instructor or an admin: figures over each learner's best graded attempt, the score
 * distribution, item analysis and the latest attempts; with ?format=csv, every graded attempt as a CSV attachment.
 */
export const GET = route(
  { access: ["INSTRUCTOR", "ADMIN"], params: quizResultsParams, query: quizResultsQuerySchema },
  async ({ viewer, params, query }) =>
    query.format === "csv"
      ? csvResponse(await exportQuizResults(viewer, params.courseId, params.lessonId))
      : NextResponse.json(await getQuizResults(viewer, params.courseId, params.lessonId)),
);
