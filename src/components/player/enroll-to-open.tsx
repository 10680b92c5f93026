import Link from "next/link";
import { Lock } from "lucide-react";
import { buttonStyles } from "@/components/ui/button-styles";

/** What a signed-in user who is not enrolled sees instead of a published course's lesson (the API answers 403). */
export function EnrollToOpen({ courseId }: { courseId: string }) {
  return (
    <div className="flex flex-col items-start gap-4 py-12">
      <Lock aria-hidden="true" className="h-8 w-8 text-indigo-700 dark:text-indigo-300" />
      <h1 className="text-3xl font-bold tracking-tight">Enroll to open this lesson</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Lessons, videos and materials are open to the learners of this course. Enroll on the course page to start.
      </p>
      {/* The id: the course page answers it with a redirect to its readable URL, which the player does not know here. */}
      <Link href={`/courses/${courseId}`} className={buttonStyles.primary}>
        Go to the course page
      </Link>
    </div>
  );
}
