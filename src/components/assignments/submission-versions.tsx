import { Download, ExternalLink, FileText } from "lucide-react";
import { LessonContent } from "@/components/content/lesson-content";
import { LocalTime } from "@/components/ui/local-time";
import { badgeStyles } from "@/components/ui/table-styles";
import { buttonStyles } from "@/components/ui/button-styles";
import { formatBytes } from "@/lib/format";
import type { SubmissionVersionView } from "@/lib/assignments/submissions";

/**
 * Every version of a submission, newest first: its text (sanitized markdown), its files (a download; PDFs open in the
 * browser's own viewer in a new tab and images show inline, never as a page of our origin), and the grade or revision
 * request it got. Shared by the grading view and the learner's history.
 */
export function SubmissionVersions({ versions, headingLevel }: { versions: SubmissionVersionView[]; headingLevel: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <section aria-labelledby="versions-title" className="flex flex-col gap-4">
      <H id="versions-title" className="text-xl font-semibold">
        {versions.length > 1 ? "Versions, newest first" : "What was handed in"}
      </H>
      {versions.map((v) => (
        <article
          key={v.number}
          aria-labelledby={`version-${v.number}`}
          className="flex flex-col gap-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800"
        >
          <Sub id={`version-${v.number}`} className="flex flex-wrap items-center gap-2 font-semibold">
            Version {v.number}
            <span className="text-sm font-normal text-slate-700 dark:text-slate-300">
              handed in <LocalTime iso={v.submittedAt} />
            </span>
            {v.late && <span className={badgeStyles.red}>late</span>}
          </Sub>
          {v.text ? <LessonContent markdown={v.text} /> : <p className="text-slate-700 dark:text-slate-300">No text answer.</p>}
          {v.files.length > 0 && (
            <ul aria-label={`Files of version ${v.number}`} className="flex flex-col gap-3">
              {v.files.map((f) => (
                <li key={f.id} className="flex flex-col gap-2">
                  <span className="flex flex-wrap items-center gap-3">
                    <FileText aria-hidden="true" className="h-4 w-4" />
                    <span className="break-all">{f.fileName}</span>
                    <span className="text-sm text-slate-600 dark:text-slate-300">{formatBytes(f.size)}</span>
                    <a href={f.url} className={buttonStyles.link} download={f.fileName}>
                      <Download aria-hidden="true" className="mr-1 inline h-4 w-4" />
                      Download<span className="sr-only"> {f.fileName}</span>
                    </a>
                    {f.previewUrl && f.contentType === "application/pdf" && (
                      <a href={f.previewUrl} className={buttonStyles.link} target="_blank" rel="noopener noreferrer">
                        <ExternalLink aria-hidden="true" className="mr-1 inline h-4 w-4" />
                        Open in the browser’s PDF viewer<span className="sr-only"> (new tab)</span>
                      </a>
                    )}
                  </span>
                  {f.previewUrl && f.contentType.startsWith("image/") && (
                    // eslint-disable-next-line @next/next/no-img-element -- a signed URL of the learner's own file, not an optimisable asset
                    <img
                      src={f.previewUrl}
                      alt={`The image ${f.fileName}`}
                      className="max-h-96 max-w-full rounded-lg border border-slate-200 object-contain dark:border-slate-800"
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
          {v.gradedAt && (
            <div className="flex flex-col gap-1 rounded-lg bg-slate-50 p-3 dark:bg-slate-900">
              <p className="font-medium">
                {v.returnedForRevision ? "Returned for revision" : "Graded"}: {v.points} points, <LocalTime iso={v.gradedAt} />
              </p>
              {v.feedback && <LessonContent markdown={v.feedback} />}
            </div>
          )}
        </article>
      ))}
    </section>
  );
}
