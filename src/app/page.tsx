import Link from "next/link";
import { connection } from "next/server";
import { buttonStyles } from "@/components/ui/button-styles";
import { CourseGrid } from "@/components/course/course-card";
import { browseCatalog } from "@/lib/courses/search-catalog";

export default async function HomePage() {
  await connection();
  // The first catalog page (newest first) is cached; the home page shows its first six.
  const courses = (await browseCatalog({ sort: "newest", page: 1 })).courses.slice(0, 6);
  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="hero-title" className="flex flex-col gap-4 py-6">
        <h1 id="hero-title" className="text-3xl font-bold tracking-tight sm:text-4xl">
          Learn at your pace. Teach what you know.
        </h1>
        <p className="max-w-2xl text-lg text-slate-700 dark:text-slate-300">
          BudhHub is an open-source learning platform: browse the catalog, enroll and learn in your browser, or author courses with video
          and materials.
        </p>
        <p>
          <Link href="/courses" className={buttonStyles.primary}>
            Browse the catalog
          </Link>
        </p>
      </section>
      <section aria-labelledby="featured-title" className="flex flex-col gap-4">
        <h2 id="featured-title" className="text-2xl font-semibold">
          New courses
        </h2>
        {courses.length > 0 ? (
          <CourseGrid courses={courses} label="New courses" />
        ) : (
          <p className="text-slate-700 dark:text-slate-300">No courses are published yet.</p>
        )}
      </section>
    </div>
  );
}
