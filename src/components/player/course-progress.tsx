"use client";

import Link from "next/link";
import { Award, PartyPopper } from "lucide-react";
import { ProgressBar } from "@/components/learning/progress-bar";
import { buttonStyles } from "@/components/ui/button-styles";
import { usePlayerProgress } from "./player-progress";

/** The course's progress bar, kept in step with the toggle. */
export function CourseProgress({ courseTitle }: { courseTitle: string }) {
  const { progress } = usePlayerProgress();
  return <ProgressBar value={progress} label={`Progress in ${courseTitle}`} />;
}

/**
 * Announced when the course reaches 100 %; the live region is always there so that screen readers hear it. In a course
 * that awards a certificate, completing it has issued one: the notice says so and links to My certificates.
 */
export function CourseCompleteNotice({ back, certificate = false }: { back: { href: string; label: string }; certificate?: boolean }) {
  const { courseCompleted } = usePlayerProgress();
  return (
    <div role="status">
      {courseCompleted && (
        <div className="flex flex-wrap items-center gap-3 rounded-xl border border-emerald-300 bg-emerald-50 p-4 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50">
          <PartyPopper aria-hidden="true" className="h-6 w-6 shrink-0" />
          <p className="flex-1">
            <strong className="font-semibold">Course complete!</strong> You have finished every lesson of this course.
            {certificate && " Your certificate of completion is in My certificates."}
          </p>
          {certificate && (
            <Link href="/my-certificates" className={buttonStyles.primary}>
              <Award aria-hidden="true" className="h-4 w-4" />
              My certificates
            </Link>
          )}
          <Link href={back.href} className={buttonStyles.secondary}>
            {back.label}
          </Link>
        </div>
      )}
    </div>
  );
}
