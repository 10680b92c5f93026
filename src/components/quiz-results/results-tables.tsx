import { TableScroll } from "@/components/analytics/table-scroll";
import { formatSeconds, percent } from "@/components/analytics/labels";
import { badgeStyles, tableStyles } from "@/components/ui/table-styles";
import type { QuestionAnalysis, ResultsAttempt, ResultsLearner } from "@/lib/quizzes/results-types";
import { GrantAttemptButton } from "./grant-attempt-button";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (iso: string) => `${dateFormat.format(new Date(iso))} UTC`;
const score = (value: number | null) => (value === null ? "—" : percent(value));

const TYPE_LABELS: Record<QuestionAnalysis["type"], string> = {
  single: "Single choice",
  multiple: "Multiple choice",
  true_false: "True or false",
  short_text: "Short answer",
  numeric: "Number",
};

/** A question worth a second look: a wrong answer drew at least as many learners as the right one. */
export const needsReview = (q: QuestionAnalysis) => q.commonWrong !== null && q.commonWrong.count >= q.correct;

function wrongCell(q: QuestionAnalysis) {
  if (!q.commonWrong) return q.attempts === 0 ? "—" : "None";
  const choice = q.type === "single" || q.type === "multiple" || q.type === "true_false";
  const names = q.commonWrong.answers.map((a) => (choice ? a : `“${a}”`)).join(q.commonWrong.answers.length > 1 ? " and " : "");
  const tie = q.commonWrong.answers.length > 1 ? ", tied" : "";
  return `${names} (${q.commonWrong.count}${tie})`;
}

/** Item analysis: per question, who answered it right and the wrong answer given most, over the counted attempts. */
export function QuestionAnalysisTable({ questions }: { questions: QuestionAnalysis[] }) {
  return (
    <TableScroll focusLabel="Questions table">
      <table className={tableStyles.table}>
        <caption className={tableStyles.caption}>Questions</caption>
        <thead>
          <tr>
            {["#", "Question", "Type", "Answered right", "Left blank", "Most common wrong answer"].map((c) => (
              <th key={c} scope="col" className={tableStyles.th}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {questions.map((q) => (
            <tr key={q.questionId}>
              <td className={`${tableStyles.td} tabular-nums`}>{q.position}</td>
              <th scope="row" className={`${tableStyles.td} min-w-48 font-normal`}>
                {q.prompt}
                {needsReview(q) && (
                  <>
                    {" "}
                    <span className={badgeStyles.red}>Check this question</span>
                  </>
                )}
              </th>
              <td className={tableStyles.td}>{TYPE_LABELS[q.type]}</td>
              <td className={`${tableStyles.td} tabular-nums`}>
                {q.correctRate === null ? "—" : `${percent(q.correctRate)} (${q.correct} of ${q.attempts})`}
              </td>
              <td className={`${tableStyles.td} tabular-nums`}>{q.unanswered}</td>
              <td className={tableStyles.td}>{wrongCell(q)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The learners who started the quiz, their attempts against the allowance, and a grant button each. */
export function ResultsLearnersTable({ learners, grantUrl }: { learners: ResultsLearner[]; grantUrl: string }) {
  return (
    <TableScroll>
      <table className={tableStyles.table}>
        <caption className={tableStyles.caption}>Learners</caption>
        <thead>
          <tr>
            {["Learner", "Attempts", "Best score", "Passed", "Extra attempts", "Action"].map((c) => (
              <th key={c} scope="col" className={tableStyles.th}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {learners.map((l) => {
            const name = l.learnerName ?? l.learnerEmail;
            return (
              <tr key={l.learnerId}>
                <th scope="row" className={`${tableStyles.td} font-medium`}>
                  {name}
                  <span className="block text-xs font-normal text-slate-600 dark:text-slate-300">{l.learnerEmail}</span>
                </th>
                <td className={`${tableStyles.td} tabular-nums`}>
                  {l.attemptsAllowed === null ? `${l.attemptsUsed} (no limit)` : `${l.attemptsUsed} of ${l.attemptsAllowed}`}
                </td>
                <td className={`${tableStyles.td} tabular-nums`}>{score(l.bestScore)}</td>
                <td className={tableStyles.td}>
                  {l.passed ? <span className={badgeStyles.green}>Passed</span> : <span className={badgeStyles.slate}>Not yet</span>}
                </td>
                <td className={`${tableStyles.td} tabular-nums`}>{l.extraAttempts}</td>
                <td className={tableStyles.td}>
                  <GrantAttemptButton url={grantUrl} learnerId={l.learnerId} learnerName={name} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Every graded attempt listed, newest first; the ones the figures count are marked. */
export function AttemptsTable({ attempts }: { attempts: ResultsAttempt[] }) {
  return (
    <TableScroll focusLabel="Graded attempts table">
      <table className={tableStyles.table}>
        <caption className={tableStyles.caption}>Graded attempts</caption>
        <thead>
          <tr>
            {["Learner", "Attempt", "Score", "Result", "Submitted", "Time taken", "Counted"].map((c) => (
              <th key={c} scope="col" className={tableStyles.th}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.attemptId}>
              <th scope="row" className={`${tableStyles.td} font-medium`}>
                {a.learnerName ?? a.learnerEmail}
              </th>
              <td className={`${tableStyles.td} tabular-nums`}>{a.number}</td>
              <td className={`${tableStyles.td} tabular-nums`}>
                {percent(a.score)}{" "}
                <span className="text-xs text-slate-600 dark:text-slate-300">
                  ({a.pointsEarned} of {a.pointsPossible} points)
                </span>
              </td>
              <td className={tableStyles.td}>
                {a.passed ? <span className={badgeStyles.green}>Passed</span> : <span className={badgeStyles.red}>Not passed</span>}
              </td>
              <td className={tableStyles.td}>
                <time dateTime={a.submittedAt}>{when(a.submittedAt)}</time>
              </td>
              <td className={`${tableStyles.td} tabular-nums`}>{formatSeconds(a.seconds)}</td>
              <td className={tableStyles.td}>{a.counted ? "Yes, best" : "No"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
