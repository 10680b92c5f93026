import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient, newAccount, type Account } from "../helpers/api-client";
import { buildCourse, sampleVideo, samplePdf, type BuiltCourse } from "../helpers/learning-fixtures";

/** The learner's side over HTTP: catalog, course page, enrollment, my courses, signed media, completion and progress. */

type MyCourses = {
  courses: { courseId: string; progress: number; started: boolean; nextLessonId: string | null; completedAt: string | null }[];
};
type MyCourse = {
  enrollment: { progress: number } | null;
  nextLessonId: string | null;
  curriculum: { lessons: { id: string; completed: boolean; videoPosition: number }[] }[];
  materials: { id: string; fileName: string }[];
};
type Progress = { lessonId: string; completed: boolean; progress: number; courseCompleted: boolean };

let instructor: Account;
const word = `xylophone${randomBytes(3).toString("hex")}`;
let course: BuiltCourse;

beforeAll(async () => {
  instructor = await newAccount("INSTRUCTOR", "learning-instructor");
  course = await buildCourse(instructor.client, {
    title: `Tuning the ${word}`,
    description: "Scales, mallets and resonators.",
    media: true,
  });
}, 120_000);

const lessonPath = (courseId: string, lessonId: string) => `/api/my-courses/${courseId}/lessons/${lessonId}`;
const myCourse = async (client: ApiClient, courseId: string) => {
  const response = await client.get(`/api/my-courses/${courseId}`);
  expect(response.status).toBe(200);
  return response.json<MyCourse>();
};
const complete = async (client: ApiClient, courseId: string, lessonId: string, completed = true) => {
  const response = await client.post(`${lessonPath(courseId, lessonId)}/complete`, { completed });
  expect(response.status, response.text).toBe(200);
  return response.json<Progress>();
};

describe("the learner flow over HTTP", () => {
  it("finds the course by a prefix, enrolls once, plays the video, downloads materials, completes, undoes and resumes", async () => {
    const learner = new ApiClient();
    const email = `learner-${randomBytes(4).toString("hex")}@example.test`;
    expect((await learner.signUpAndVerify({ email, password: `tide-${randomBytes(6).toString("hex")}-lantern` })).status).toBe(200);
    expect((await learner.onboard("LEARNER", "Lena Learner")).status).toBe(200);
    const { courseId, lessonIds, videoLessonId, lessonMaterialId, courseMaterialId } = course;

    // Search while typing: the first letters of the title's word find it.
    const search = await learner.get(`/api/courses?q=${word.slice(0, 12)}`);
    expect(search.status).toBe(200);
    const found = search.json<{ courses: { id: string; title: string; slug: string; totalLessons: number }[]; total: number }>();
    expect(found.total).toBe(1);
    expect(found.courses[0]).toMatchObject({ id: courseId, title: `Tuning the ${word}`, slug: `tuning-the-${word}`, totalLessons: 3 });

    const detail = await learner.get(`/api/courses/${courseId}`);
    expect(detail.status).toBe(200);
    expect(detail.json()).toMatchObject({
      course: {
        id: courseId,
        slug: `tuning-the-${word}`,
        totalLessons: 3,
        materialsCount: 2,
        enrollmentCount: 0,
        instructorName: instructor.name,
        instructorBio: null,
        outcomes: [],
      },
      enrollment: null,
      signedIn: true,
    });
    const lessons = detail.json<{ course: { modules: { lessons: { id: string; hasVideo: boolean; hasMaterials: boolean }[] }[] } }>().course
      .modules[0]!.lessons;
    // The first lesson has the video and a handout; the course's own PDF marks no lesson.
    expect(lessons.map((l) => [l.id, l.hasVideo, l.hasMaterials])).toEqual([
      [lessonIds[0], true, true],
      [lessonIds[1], false, false],
      [lessonIds[2], false, false],
    ]);

    // Not enrolled yet: the content is closed.
    expect((await learner.get(`${lessonPath(courseId, videoLessonId!)}/video-url`)).status).toBe(403);

    const first = await learner.post(`/api/courses/${courseId}/enroll`);
    expect(first.status).toBe(201);
    const again = await learner.post(`/api/courses/${courseId}/enroll`);
    expect(again.status).toBe(200);
    expect(again.json<{ enrollment: { id: string } }>().enrollment.id).toBe(first.json<{ enrollment: { id: string } }>().enrollment.id);
    expect((await learner.get(`/api/courses/${courseId}`)).json()).toMatchObject({
      course: { enrollmentCount: 1 },
      enrollment: { progress: 0, nextLessonId: lessonIds[0], started: false },
    });

    const mine = (await learner.get("/api/my-courses")).json<MyCourses>();
    expect(mine.courses).toEqual([
      expect.objectContaining({ courseId, progress: 0, started: false, nextLessonId: lessonIds[0], completedAt: null }),
    ]);
    // The player says when a lesson is on screen: the course is started, and continues there.
    const opened = await learner.request("POST", `${lessonPath(courseId, lessonIds[1]!)}/opened`);
    expect(opened.json()).toEqual({ lessonId: lessonIds[1], recorded: true });
    expect((await learner.get("/api/my-courses")).json<MyCourses>().courses[0]).toMatchObject({
      started: true,
      nextLessonId: lessonIds[1],
    });

    // The video: a signed URL that plays with Range requests.
    const video = await learner.get(`${lessonPath(courseId, videoLessonId!)}/video-url`);
    expect(video.status).toBe(200);
    expect(video.headers.get("cache-control")).toContain("no-store");
    const { url: videoUrl, expiresAt, mimeType } = video.json<{ url: string; expiresAt: string; mimeType: string }>();
    expect(mimeType).toBe("video/webm");
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(59 * 60 * 1000);
    const range = await fetch(new URL(videoUrl, learner.base), { headers: { range: "bytes=0-99" } });
    expect(range.status).toBe(206);
    expect(range.headers.get("content-range")).toBe(`bytes 0-99/${sampleVideo.length}`);
    const head = Buffer.from(await range.arrayBuffer());
    expect(head).toEqual(sampleVideo.subarray(0, 100));
    expect([...head.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]); // EBML, the start of every WebM file

    // The materials: the lesson's and the course's PDFs, as downloads.
    const materialUrls: string[] = [];
    for (const path of [
      `${lessonPath(courseId, videoLessonId!)}/materials/${lessonMaterialId}/url`,
      `/api/my-courses/${courseId}/materials/${courseMaterialId}/url`,
    ]) {
      const material = await learner.get(path);
      expect(material.status).toBe(200);
      const { url } = material.json<{ url: string; fileName: string }>();
      materialUrls.push(url);
      const download = await fetch(new URL(url, learner.base));
      expect(download.status).toBe(200);
      expect(download.headers.get("content-disposition")).toMatch(/^attachment/);
      expect(Buffer.from(await download.arrayBuffer())).toEqual(samplePdf);
    }
    // A lesson's material is not reachable through another lesson.
    expect((await learner.get(`${lessonPath(courseId, lessonIds[1]!)}/materials/${lessonMaterialId}/url`)).status).toBe(404);

    // Completion, in any order, with progress rounded down; once the lesson used last is done, the next lesson is the
    // first one not done after it (then from the start).
    expect(await complete(learner, courseId, lessonIds[0]!)).toEqual({
      lessonId: lessonIds[0],
      completed: true,
      progress: 33,
      courseCompleted: false,
    });
    expect((await complete(learner, courseId, lessonIds[2]!)).progress).toBe(66);
    expect((await myCourse(learner, courseId)).nextLessonId).toBe(lessonIds[1]);
    // No body means "complete".
    const noBody = await learner.request("POST", `${lessonPath(courseId, lessonIds[1]!)}/complete`);
    expect(noBody.json<Progress>()).toMatchObject({ progress: 100, courseCompleted: true });
    expect((await learner.get("/api/my-courses")).json<MyCourses>().courses[0]).toMatchObject({
      progress: 100,
      completedAt: expect.any(String),
    });

    // Undo, by DELETE and by { completed: false }.
    const undone = await learner.request("DELETE", `${lessonPath(courseId, lessonIds[1]!)}/complete`);
    expect(undone.status).toBe(200);
    expect(undone.json<Progress>()).toMatchObject({ completed: false, progress: 66, courseCompleted: false });
    expect((await complete(learner, courseId, lessonIds[2]!, false)).progress).toBe(33);
    // The lesson used last is not done any more: the learner continues there.
    expect((await learner.get("/api/my-courses")).json<MyCourses>().courses[0]).toMatchObject({
      progress: 33,
      completedAt: null,
      started: true,
      nextLessonId: lessonIds[2],
    });

    // The video position is kept (whole seconds) and shows in the course.
    const position = await learner.put(`${lessonPath(courseId, videoLessonId!)}/position`, { seconds: 37.8 });
    expect(position.status).toBe(200);
    expect(position.json()).toEqual({ lessonId: videoLessonId, position: 37 });
    expect((await learner.put(`${lessonPath(courseId, videoLessonId!)}/position`, { seconds: -1 })).status).toBe(400);
    const resumed = await myCourse(learner, courseId);
    expect(resumed.curriculum[0]!.lessons.map((l) => [l.completed, l.videoPosition])).toEqual([
      [true, 37],
      [false, 0],
      [false, 0],
    ]);
    expect(resumed.enrollment!.progress).toBe(33);
    expect(resumed.materials.map((m) => m.id)).toEqual([courseMaterialId]);

    // A signed URL is for its own object only: another object's path under this signature, or an edited key, is refused.
    const signed = new URL(videoUrl, learner.base);
    const other = new URL(materialUrls[1]!, learner.base);
    const swapped = new URL(other.pathname + signed.search, learner.base);
    expect((await fetch(swapped)).status).toBe(403);
    const edited = new URL(signed.toString().replace(/intro\.webm/, "intro2.webm"));
    expect(edited.toString()).not.toBe(signed.toString());
    expect((await fetch(edited)).status).toBe(403);
    const later = new URL(signed);
    later.searchParams.set("expires", String(Number(signed.searchParams.get("expires")) + 3600));
    expect((await fetch(later)).status).toBe(403);
    // A download cannot be turned into a page the browser renders.
    const inline = new URL(other);
    inline.searchParams.set("disposition", "inline");
    expect((await fetch(inline)).status).toBe(403);
    expect((await fetch(other)).status).toBe(200);
  });

  it("makes one enrollment of 20 parallel enroll requests: one 201, the rest 200", async () => {
    const learner = await newAccount("LEARNER", "learning-double-click");
    const { courseId } = course;
    const before = (await learner.client.get(`/api/courses/${courseId}`)).json<{ course: { enrollmentCount: number } }>().course
      .enrollmentCount;
    const answers = await Promise.all(Array.from({ length: 20 }, () => learner.client.post(`/api/courses/${courseId}/enroll`)));
    expect(answers.map((a) => a.status).sort((a, b) => b - a)).toEqual([201, ...Array<number>(19).fill(200)]);
    expect(new Set(answers.map((a) => a.json<{ enrollment: { id: string } }>().enrollment.id)).size).toBe(1);
    const mine = (await learner.client.get("/api/my-courses")).json<MyCourses>().courses;
    expect(mine.filter((c) => c.courseId === courseId)).toHaveLength(1);
    const after = (await learner.client.get(`/api/courses/${courseId}`)).json<{ course: { enrollmentCount: number } }>().course
      .enrollmentCount;
    expect(after).toBe(before + 1);
  });

  describe("a course of 100 lessons", () => {
    let big: BuiltCourse;
    beforeAll(async () => {
      big = await buildCourse(instructor.client, { title: "One hundred lessons", lessons: 100 });
    }, 180_000);

    const enrolledLearner = async (prefix: string) => {
      const learner = await newAccount("LEARNER", prefix);
      expect((await learner.client.post(`/api/courses/${big.courseId}/enroll`)).status).toBe(201);
      return learner.client;
    };

    it("keeps progress exact when 100 distinct lessons are completed in parallel", async () => {
      const learner = await enrolledLearner("learning-hundred");
      const answers = await Promise.all(big.lessonIds.map((id) => learner.post(`${lessonPath(big.courseId, id)}/complete`)));
      expect(answers.filter((a) => a.status !== 200).map((a) => a.text)).toEqual([]);
      expect(Math.max(...answers.map((a) => a.json<Progress>().progress))).toBe(100);
      const mine = await myCourse(learner, big.courseId);
      expect(mine.enrollment!.progress).toBe(100);
      expect(mine.curriculum.flatMap((m) => m.lessons).every((l) => l.completed)).toBe(true);
      expect((await learner.get("/api/my-courses")).json<MyCourses>().courses[0]).toMatchObject({
        progress: 100,
        completedAt: expect.any(String),
      });
    }, 120_000);

    it("keeps progress at exactly 50 when 50 of the 100 are completed in parallel", async () => {
      const learner = await enrolledLearner("learning-fifty");
      const half = big.lessonIds.filter((_, i) => i % 2 === 1);
      const answers = await Promise.all(half.map((id) => learner.post(`${lessonPath(big.courseId, id)}/complete`)));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      const mine = await myCourse(learner, big.courseId);
      expect(mine.enrollment!.progress).toBe(50);
      // The next lesson is one of the 50 not done: after whichever completion was written last.
      expect(big.lessonIds.indexOf(mine.nextLessonId!) % 2).toBe(0);
    }, 120_000);
  });
});
