import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import { db, type Transaction } from "@/lib/db/client";
import { quizQuestions } from "@/lib/db/schema";
import { fieldErrors } from "@/lib/http/handler";
import { AppError } from "@/lib/http/errors";
import { MAX_QUESTIONS, questionSchema, type CreateQuestionInput, type UpdateQuestionInput } from "@/lib/validation/quiz";
import { authoredFields, authoredQuestion, questionColumns, type AuthoredQuestion } from "./authored-question";
import { openQuizWrite, type QuizPath } from "./manage-quiz";

/**
 * The questions of a quiz, written by the course's editors. Every write locks the course (./manage-quiz.ts,
 * openQuizWrite), so that two editors, or an editor and publishing, take turns; the order stays dense (0..n-1).
 */

async function questionsOf(tx: Transaction, lessonId: string): Promise<AuthoredQuestion[]> {
  const rows = await tx.select().from(quizQuestions).where(eq(quizQuestions.lessonId, lessonId)).orderBy(asc(quizQuestions.ord));
  return rows.map(authoredQuestion);
}

/** Sets ord = position for each id in one statement. */
async function setQuestionOrder(tx: Transaction, lessonId: string, ids: string[]) {
  if (ids.length === 0) return;
  const values = sql.join(
    ids.map((id, index) => sql`(${id}::uuid, ${index}::int)`),
    sql`, `,
  );
  await tx.execute(sql`
    update ${quizQuestions} set ord = v.ord from (values ${values}) as v(id, ord)
    where ${quizQuestions.id} = v.id and ${quizQuestions.lessonId} = ${lessonId}`);
}

async function requireQuestionOf(tx: Transaction, lessonId: string, questionId: string) {
  const [row] = await tx
    .select()
    .from(quizQuestions)
    .where(and(eq(quizQuestions.id, questionId), eq(quizQuestions.lessonId, lessonId)));
  if (!row) throw new AppError("NOT_FOUND", "This question does not exist in this quiz.");
  return row;
}

/**
 * Adds a question at `position` (0 is first; the end when left out or past it): the editor's Undo of a delete puts the
 * question back where it was. Options without ids get new ones.
 */
export async function createQuestion(viewer: Viewer | null, path: QuizPath, input: CreateQuestionInput): Promise<AuthoredQuestion> {
  await requireCourseEditor(viewer, path.courseId);
  return db.transaction(async (tx) => {
    await openQuizWrite(tx, path);
    const [{ n }] = (await tx.select({ n: count() }).from(quizQuestions).where(eq(quizQuestions.lessonId, path.lessonId))) as [
      { n: number },
    ];
    if (n >= MAX_QUESTIONS) throw new AppError("CONFLICT", `A quiz has at most ${MAX_QUESTIONS} questions.`);
    const { position, ...question } = input;
    const [row] = await tx
      .insert(quizQuestions)
      .values({ lessonId: path.lessonId, ord: n, ...questionColumns(question) })
      .returning();
    if (position !== undefined && position < n) {
      const ids = (await questionsOf(tx, path.lessonId)).map((q) => q.id).filter((id) => id !== row!.id);
      ids.splice(position, 0, row!.id);
      await setQuestionOrder(tx, path.lessonId, ids);
    }
    return authoredQuestion(row!);
  });
}

/**
 * Merges the change into the stored question and checks the whole result with questionSchema, so a question is never
 * left half of one type and half of another: a change of type brings what the new type needs (options, the accepted
 * answers…). Options keep their ids; one sent without an id keeps the id of the stored option of the same text.
 */
export async function updateQuestion(
  viewer: Viewer | null,
  path: QuizPath,
  questionId: string,
  change: UpdateQuestionInput,
): Promise<AuthoredQuestion> {
  await requireCourseEditor(viewer, path.courseId);
  return db.transaction(async (tx) => {
    await openQuizWrite(tx, path);
    const stored = await requireQuestionOf(tx, path.lessonId, questionId);
    const merged = questionSchema.safeParse({ ...authoredFields(stored), ...change });
    if (!merged.success) {
      const fields = fieldErrors(merged.error);
      throw new AppError("VALIDATION_FAILED", Object.values(fields)[0] ?? "Check the question.", { fields });
    }
    const [row] = await tx
      .update(quizQuestions)
      .set({ ...questionColumns(merged.data, stored.options), updatedAt: new Date() })
      .where(eq(quizQuestions.id, questionId))
      .returning();
    return authoredQuestion(row!);
  });
}

/** Deletes the question (learners' saved answers to it go with it) and closes the gap in the order. */
export async function deleteQuestion(viewer: Viewer | null, path: QuizPath, questionId: string): Promise<void> {
  await requireCourseEditor(viewer, path.courseId);
  await db.transaction(async (tx) => {
    await openQuizWrite(tx, path);
    await requireQuestionOf(tx, path.lessonId, questionId);
    await tx.delete(quizQuestions).where(eq(quizQuestions.id, questionId));
    await setQuestionOrder(
      tx,
      path.lessonId,
      (await questionsOf(tx, path.lessonId)).map((q) => q.id),
    );
  });
}

/** Puts the questions in the order given, which must name every question of the quiz exactly once. */
export async function reorderQuestions(viewer: Viewer | null, path: QuizPath, order: string[]): Promise<AuthoredQuestion[]> {
  await requireCourseEditor(viewer, path.courseId);
  return db.transaction(async (tx) => {
    await openQuizWrite(tx, path);
    const current = new Set((await questionsOf(tx, path.lessonId)).map((q) => q.id));
    if (order.length !== current.size || new Set(order).size !== order.length || !order.every((id) => current.has(id))) {
      const message = "List every question of this quiz exactly once.";
      throw new AppError("VALIDATION_FAILED", `The new order must list every question of this quiz exactly once.`, {
        fields: { order: message },
      });
    }
    await setQuestionOrder(tx, path.lessonId, order);
    return questionsOf(tx, path.lessonId);
  });
}
