import type { ApiClient } from "./api-client";
import { buildCourse, enrollIn } from "./learning-fixtures";

/**
 * A published one-lesson course with certificates on, built by `owner`, which `learner` enrolls in and completes over
 * the API: the certificate it issued. Each call makes its own course.
 */
export async function earnCertificate(owner: ApiClient, learner: ApiClient, title: string): Promise<{ courseId: string; code: string }> {
  const course = await buildCourse(owner, { title, lessons: 1 });
  const turnedOn = await owner.patch(`/api/instructor/courses/${course.courseId}`, {
    certificateEnabled: true,
    certificateLine: "One lesson, done well",
  });
  if (turnedOn.status !== 200) throw new Error(`turning certificates on answered ${turnedOn.status}: ${turnedOn.text}`);
  await enrollIn(learner, course.courseId);
  const done = await learner.post(`/api/my-courses/${course.courseId}/lessons/${course.lessonIds[0]}/complete`, { completed: true });
  if (done.status !== 200) throw new Error(`completing the lesson answered ${done.status}: ${done.text}`);
  const mine = (await learner.get("/api/my-certificates")).json<{ certificates: { code: string; courseTitle: string }[] }>();
  const certificate = mine.certificates.find((c) => c.courseTitle === title);
  if (!certificate) throw new Error(`no certificate for ${title} in ${JSON.stringify(mine)}`);
  return { courseId: course.courseId, code: certificate.code };
}
