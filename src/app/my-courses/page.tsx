import type { Metadata } from "next";
import Link from "next/link";
import { EnrolledCourseList } from "@/components/learning/enrolled-course-card";
import { MyCoursesFilters } from "@/components/learning/my-courses-filters";
import { buttonStyles } from "@/components/ui/button-styles";
import { filterEnrollments, listMyEnrollments } from "@/lib/learning/list-my-enrollments";
import { parseSearch, type SearchParams } from "@/lib/validation/parse-search";
import { myCoursesSearchSchema, type MyCoursesFilter } from "@/lib/validation/learning";
import { requirePageUser } from "@/app/_http/page-viewer";
import { myCertificateCodes } from "@/lib/certificates/certificates";

type Props = { searchParams: Promise<SearchParams> };

const titles: Record<MyCoursesFilter, string> = {
  all: "My courses",
  "in-progress": "My courses in progress",
  completed: "My completed courses",
};

const filterOf = async (searchParams: Props["searchParams"]) => parseSearch(myCoursesSearchSchema, await searchParams, ["show"]).show;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: titles[await filterOf(searchParams)] };
}

/** Every course the learner is enrolled in, most recently used first, filtered in the URL (?show=in-progress|completed). */
export default async function MyCoursesPage({ searchParams }: Props) {
  const show = await filterOf(searchParams);
  const viewer = await requirePageUser(show === "all" ? "/my-courses" : `/my-courses?show=${show}`);
  const [listed, certificates] = await Promise.all([listMyEnrollments(viewer), myCertificateCodes(viewer)]);
  const enrollments = listed.map((e) => ({ ...e, certificateCode: certificates.get(e.courseId) ?? null }));
  const shown = filterEnrollments(enrollments, show);
  const counts = {
    "in-progress": filterEnrollments(enrollments, "in-progress").length,
    completed: filterEnrollments(enrollments, "completed").length,
    all: enrollments.length,
  };
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">My courses</h1>
        {certificates.size > 0 && (
          <Link href="/my-certificates" className={buttonStyles.secondary}>
            My certificates
          </Link>
        )}
      </div>
      {enrollments.length === 0 ? (
        <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-slate-300 p-6 dark:border-slate-700">
          <p className="text-slate-700 dark:text-slate-300">You are not enrolled in any course yet.</p>
          <Link href="/courses" className={buttonStyles.primary}>
            Browse the catalog
          </Link>
        </div>
      ) : (
        <>
          <MyCoursesFilters current={show} counts={counts} />
          {shown.length === 0 ? (
            <p className="text-slate-700 dark:text-slate-300">
              {show === "completed" ? "You have not completed a course yet." : "You have no course in progress."}{" "}
              <Link href="/my-courses" className={buttonStyles.link}>
                Show all my courses
              </Link>
            </p>
          ) : (
            <EnrolledCourseList courses={shown} label={titles[show]} />
          )}
        </>
      )}
    </div>
  );
}
