/**
 * The shapes analytics answers in: the lib functions return them, the API routes send them as JSON and the pages chart
 * them. Dates are ISO strings so that the same object crosses the server/client boundary unchanged.
 */
import type { AnalyticsRange, AnalyticsBucket } from "@/lib/validation/analytics";

/** One bucket of a time series: `date` is the bucket's first day (YYYY-MM-DD, UTC); empty buckets are present with 0. */
export type TimePoint = { date: string; count: number };

/** The cohort whose members alone the figures count; null for every learner. */
export type AppliedCohort = { id: string; name: string } | null;

export type RangeInfo = {
  range: AnalyticsRange;
  bucket: AnalyticsBucket;
  /** First day covered (YYYY-MM-DD, UTC); for "all", the day of the first event, or today when there is none. */
  from: string;
  /** Last day covered, today (YYYY-MM-DD, UTC). */
  to: string;
};

/** Headline figures over a set of enrollments (a course, an instructor's courses or the platform). */
export type EnrollmentSummary = {
  /** Enrollments made in the range (all of them for "all"). */
  enrollments: number;
  /** Of those, how many have completed the course (progress 100). */
  completions: number;
  /** completions / enrollments × 100, one decimal; 0 when there are no enrollments. */
  completionRate: number;
  /** Mean enrollments.progress of those enrollments, one decimal; 0 when there are none. */
  averageProgress: number;
  /**
   * Distinct learners with a lesson completed in the last 7 / 30 days (fixed windows of 7×24 / 30×24 hours up to now,
   * not the range), counted over the same courses.
   */
  activeLearners7d: number;
  activeLearners30d: number;
};

/** A lesson of the course, in curriculum order, with how far the range's learners got. */
export type FunnelStep = {
  lessonId: string;
  title: string;
  moduleTitle: string;
  /** 1-based position in the whole course. */
  position: number;
  /** Enrollments (of the range) that completed this lesson. */
  completed: number;
  /** completed / enrollments × 100, one decimal. */
  completedPercent: number;
  /** Mean saved video position in seconds over progress rows with a position above 0; null when none or no video. */
  averageVideoPosition: number | null;
  /** Seconds, when known. */
  videoDuration: number | null;
};

/** A quiz of the course over the range's cohort, counting each learner's best graded attempt. */
export type QuizLine = {
  lessonId: string;
  title: string;
  /** Graded attempts, retries included. */
  attempts: number;
  /** Learners with a graded attempt. */
  learners: number;
  passed: number;
  /** Mean of the learners' best scores, one decimal; null when none. */
  averageScore: number | null;
  /** passed / learners × 100, one decimal; null when none. */
  passRate: number | null;
};

export type CourseQuizFigures = {
  /** The mean of every learner's best score on every quiz, one decimal; null when nobody has a graded attempt. */
  averageScore: number | null;
  attempts: number;
  /** In curriculum order; empty when the course has no quiz. */
  perQuiz: QuizLine[];
};

/** An assignment of the course over the range's cohort: where its submissions stand, and its grades. */
export type AssignmentLine = {
  lessonId: string;
  title: string;
  maxPoints: number;
  /** Learners who handed something in. */
  submitted: number;
  /** Graded (a revision request counts as not graded yet). */
  graded: number;
  /** Waiting for a grade. */
  waiting: number;
  /** Whose latest version came in after the due date. */
  late: number;
  passed: number;
  /** Mean points of the graded ones, one decimal; null when none. */
  averagePoints: number | null;
  /** Graded submissions in ten bands of percent of the maximum points. */
  distribution: { label: string; from: number; count: number }[];
};

export type CourseAnalytics = {
  course: { id: string; title: string; isPublished: boolean; totalLessons: number };
  cohort: AppliedCohort;
  range: RangeInfo;
  summary: EnrollmentSummary;
  /** Enrollments made in each bucket. */
  enrollmentsOverTime: TimePoint[];
  /**
   * Completions reached in each bucket (enrollments.completed_at inside the range), whenever the learner enrolled: a
   * learner who enrolled before the range and finished inside it counts here but not in summary.completions.
   */
  completionsOverTime: TimePoint[];
  funnel: FunnelStep[];
  quizzes: CourseQuizFigures;
  /** In curriculum order; empty when the course has no assignment. */
  assignments: AssignmentLine[];
};

/** One row per course the instructor teaches, for the "across my courses" view. */
export type InstructorCourseRow = {
  courseId: string;
  title: string;
  isPublished: boolean;
  enrollments: number;
  completions: number;
  completionRate: number;
  averageProgress: number;
  activeLearners30d: number;
};

export type InstructorAnalytics = {
  range: RangeInfo;
  cohort: AppliedCohort;
  summary: EnrollmentSummary;
  enrollmentsOverTime: TimePoint[];
  completionsOverTime: TimePoint[];
  courses: InstructorCourseRow[];
};

export type LearnerRow = {
  enrollmentId: string;
  learnerId: string;
  name: string | null;
  email: string;
  enrolledAt: string;
  progress: number;
  completedAt: string | null;
  /**
   * Latest of last access and last lesson progress change (a saved video position counts); null when neither is
   * recorded. Enrolling records a last access, so enrollments made through the app always have one.
   */
  lastActivityAt: string | null;
  /** The code of the learner's certificate of this course, while it stands; null without one. */
  certificateCode: string | null;
};

export type LearnersPage = { rows: LearnerRow[]; total: number; page: number; pageSize: number };

export type TopCourse = { courseId: string; title: string; instructorName: string | null; count: number };

/**
 * With a cohort, the user, sign-up, enrollment and completion figures count its members only; courses and storage are
 * the platform's, whoever is counted.
 */
export type AdminAnalytics = {
  range: RangeInfo;
  cohort: AppliedCohort;
  usersByRole: { ADMIN: number; INSTRUCTOR: number; LEARNER: number };
  signUpsOverTime: TimePoint[];
  courses: { published: number; draft: number };
  /**
   * Top 10 by enrollments made / completions reached (completed_at) in the range; courses with none are left out;
   * ties by title.
   */
  topByEnrollments: TopCourse[];
  topByCompletions: TopCourse[];
  enrollmentsOverTime: TimePoint[];
  completionsOverTime: TimePoint[];
  /** Bytes of lesson videos and of materials (course and lesson) in storage. */
  storage: { videoBytes: number; materialBytes: number; videoCount: number; materialCount: number };
};
