"use client";

import { useState } from "react";
import { QuestionField } from "@/components/quiz-player/question-field";
import type { LearnerAnswer, LearnerQuestion } from "@/components/quiz-player/quiz-api";
import { markdownToHtml } from "@/lib/content/markdown-html";
import type { EditorQuestion } from "./question-draft";

/** What a learner gets of a question: no right option, accepted answer or tolerance. */
export function asLearnerQuestion(question: EditorQuestion, index: number): LearnerQuestion {
  const options =
    question.type === "single" || question.type === "multiple"
      ? question.options.map((o, i) => ({ id: o.id ?? `option-${i}`, text: o.text }))
      : question.type === "true_false"
        ? [
            { id: "true", text: "True" },
            { id: "false", text: "False" },
          ]
        : [];
  // Rendered here, in the editor's page (the learner's player gets the prompt rendered by the server).
  const promptHtml = markdownToHtml(question.prompt);
  return { id: question.id, number: index + 1, type: question.type, prompt: question.prompt, promptHtml, points: question.points, options };
}

/**
 * The questions as the learner's player shows them (its own QuestionField), all on one page in the order written (an
 * attempt shuffles them when the settings say so). Answers given here stay on the page: nothing is saved or graded.
 */
export function QuizPreview({ questions }: { questions: EditorQuestion[] }) {
  const [answers, setAnswers] = useState<Record<string, LearnerAnswer | null>>({});
  if (questions.length === 0) return <p className="text-slate-700 dark:text-slate-300">Add a question to preview it.</p>;
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        As learners see the questions, without the answers. What you choose here is not saved.
      </p>
      {questions.map((question, index) => (
        <QuestionField
          key={question.id}
          question={asLearnerQuestion(question, index)}
          heading={`Question ${index + 1} of ${questions.length}`}
          answer={answers[question.id]}
          onChange={(answer) => setAnswers((all) => ({ ...all, [question.id]: answer }))}
          save={undefined}
          onRetry={() => {}}
          tracking={false}
        />
      ))}
    </div>
  );
}
