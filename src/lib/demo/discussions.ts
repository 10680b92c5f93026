/**
 * Demo questions on the demo courses: answered (by the instructor, the answer marked) and not, on lessons and on a
 * course's general board, with upvotes. Pure data; the seed writes it without notifying anyone. `course` is the
 * published course's position (as in the demo enrollments), `lesson` the lesson's position in the course (null: the
 * general board); authors are learners enrolled in the course, or "instructor".
 */
export type DemoThread = {
  course: number;
  lesson: number | null;
  author: string;
  title: string;
  body: string;
  daysAgo: number;
  replies: { author: string; body: string }[];
  /** The reply marked as the answer, by position. */
  answer?: number;
  upvotes: string[];
};

export const demoThreads: DemoThread[] = [
  {
    course: 0,
    lesson: 0,
    author: "learner1",
    title: "`python` is not recognized on Windows",
    body: "I installed Python, but typing `python hello.py` in the terminal says:\n\n```\n'python' is not recognized as an internal or external command\n```\n\nWhat did I miss?",
    daysAgo: 18,
    replies: [
      { author: "learner3", body: "Same here at first. Did you restart the terminal after installing?" },
      {
        author: "instructor",
        body: "The installer has a checkbox **Add python.exe to PATH** on its first screen. Run the installer again, choose *Modify*, tick it, then open a new terminal. Or use the launcher that is always installed:\n\n```\npy hello.py\n```",
      },
      { author: "learner1", body: "The `py` launcher works, and after ticking the box `python` does too. Thanks!" },
    ],
    answer: 1,
    upvotes: ["learner2", "learner3"],
  },
  {
    course: 0,
    lesson: 2,
    author: "learner3",
    title: "Why does 'abc'[3] raise an IndexError?",
    body: "The string has 3 letters, so I expected `'abc'[3]` to give me `c`. Why is it an error?",
    daysAgo: 4,
    replies: [{ author: "learner2", body: "I think positions start at 0? So `c` would be `[2]`." }],
    upvotes: ["learner1"],
  },
  {
    course: 0,
    lesson: null,
    author: "learner2",
    title: "Anyone up for a study group on the word counter?",
    body: "I finished the course and would happily help others with the assignment. Reply here if you are interested.",
    daysAgo: 2,
    replies: [],
    upvotes: [],
  },
  {
    course: 1,
    lesson: 1,
    author: "learner1",
    title: "When do I use LEFT JOIN instead of JOIN?",
    body: "Both queries in the lesson return almost the same rows. What is the difference in practice?",
    daysAgo: 1,
    replies: [],
    upvotes: [],
  },
  {
    course: 3,
    lesson: 0,
    author: "learner2",
    title: "How do I pick what to measure first?",
    body: "There are so many possible metrics. Is there a rule of thumb for the first one?",
    daysAgo: 8,
    replies: [
      {
        author: "instructor",
        body: "Start from the one decision the team must make next, and measure what would change it. One metric you act on beats ten you watch.",
      },
    ],
    answer: 0,
    upvotes: [],
  },
];

type Rows = {
  threads: (typeof import("@/lib/db/schema").discussionThreads.$inferInsert)[];
  replies: (typeof import("@/lib/db/schema").discussionReplies.$inferInsert)[];
  upvotes: (typeof import("@/lib/db/schema").discussionThreadUpvotes.$inferInsert)[];
};

/** The rows of the demo threads, their replies (an hour apart) and upvotes, with the counts the lib keeps. */
export function demoDiscussionRows(
  courses: { id: string; instructorId: string }[],
  lessonIdsByCourse: Map<string, string[]>,
  userId: (key: string) => string,
  daysAgo: (days: number) => Date,
): Rows {
  const rows: Rows = { threads: [], replies: [], upvotes: [] };
  for (const t of demoThreads) {
    const course = courses[t.course];
    if (!course) continue;
    const author = (key: string) => (key === "instructor" ? course.instructorId : userId(key));
    const id = crypto.randomUUID();
    const createdAt = daysAgo(t.daysAgo);
    const replyIds = t.replies.map(() => crypto.randomUUID());
    rows.threads.push({
      id,
      courseId: course.id,
      lessonId: t.lesson === null ? null : lessonIdsByCourse.get(course.id)![t.lesson]!,
      authorId: author(t.author),
      title: t.title,
      body: t.body,
      answerReplyId: t.answer === undefined ? null : replyIds[t.answer]!,
      upvoteCount: t.upvotes.length,
      replyCount: t.replies.length,
      createdAt,
    });
    t.replies.forEach((r, i) =>
      rows.replies.push({
        id: replyIds[i],
        threadId: id,
        authorId: author(r.author),
        body: r.body,
        createdAt: new Date(createdAt.getTime() + (i + 1) * 3_600_000),
      }),
    );
    for (const key of t.upvotes) rows.upvotes.push({ threadId: id, userId: userId(key) });
  }
  return rows;
}
