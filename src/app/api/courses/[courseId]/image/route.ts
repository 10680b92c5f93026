import { route } from "@/app/_http/route";
import { openCourseImage } from "@/lib/courses/course-image";
import { courseParams } from "@/lib/validation/ids";

export const runtime = "nodejs";

/**
 * The course's picture at a URL that does not expire (the course page's Open Graph and Twitter image). The page adds
 * ?v=<version>, which changes with the picture, so a published course's answer may be cached for long.
 */
export const GET = route({ access: "anyone", params: courseParams }, async ({ viewer, params }) => {
  const image = await openCourseImage(viewer, params.courseId);
  return new Response(image.body, {
    headers: {
      "Content-Type": image.contentType,
      "Content-Length": String(image.size),
      "Cache-Control": image.isPublic ? "public, max-age=86400, stale-while-revalidate=604800" : "private, no-store",
      ETag: `"${image.version}"`,
      "X-Content-Type-Options": "nosniff",
      // A stored file is never a page of this app, even when a browser opens it.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
