/**
 * The kinds of notification, who gets them and on which channels; the preferences page lists them in this order. A
 * kind a user has not chosen for is on. `digest` kinds are mailed at most once per period (per course for new
 * lessons); the others are mailed as they happen. Security kinds are mail only and cannot be turned off.
 */
export const NOTIFICATION_KINDS = {
  enrolled: { audience: "learner", label: "You are enrolled in a course", channels: ["app", "email"] },
  new_lesson: {
    audience: "learner",
    label: "A new lesson in a course you take (one mail a day per course)",
    channels: ["app", "email"],
    digest: "daily",
  },
  attempts_granted: { audience: "learner", label: "You have another attempt at a quiz", channels: ["app", "email"] },
  assignment_graded: { audience: "learner", label: "Your assignment is graded", channels: ["app", "email"] },
  assignment_returned: { audience: "learner", label: "Your assignment is returned for a revision", channels: ["app", "email"] },
  assignment_due: { audience: "learner", label: "Reminder: an assignment is due within a day", channels: ["app", "email"] },
  inactive_reminder: { audience: "learner", label: "Reminder: a course you have not opened for two weeks", channels: ["app", "email"] },
  certificate_issued: { audience: "learner", label: "A certificate is issued to you", channels: ["app", "email"] },
  course_completed: { audience: "learner", label: "You completed a course", channels: ["app", "email"] },
  discussion_reply: { audience: "everyone", label: "A reply to a question you asked", channels: ["app", "email"] },
  answer_marked: { audience: "everyone", label: "Your reply was marked as the answer", channels: ["app", "email"] },
  submission_waiting: {
    audience: "instructor",
    label: "A submission waits for your grading (mail at most hourly)",
    channels: ["app", "email"],
    digest: "hourly",
  },
  new_question: {
    audience: "instructor",
    label: "A new question in your courses (mail at most hourly)",
    channels: ["app", "email"],
    digest: "hourly",
  },
  new_enrollments: {
    audience: "instructor",
    label: "New enrollments in your courses (one mail a day)",
    channels: ["email"],
    digest: "daily",
  },
  password_changed: { audience: "everyone", label: "Your password was changed", channels: ["email"], security: true },
  email_changed: { audience: "everyone", label: "Your e-mail address was changed", channels: ["email"], security: true },
  account_disabled: { audience: "everyone", label: "Your account was disabled", channels: ["email"], security: true },
  role_changed: { audience: "everyone", label: "Your role was changed", channels: ["email"], security: true },
} as const satisfies Record<
  string,
  { audience: string; label: string; channels: readonly ("app" | "email")[]; digest?: "hourly" | "daily"; security?: true }
>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export type NotificationChannel = "app" | "email";
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];
/** Kinds nobody may turn off: mail about the account's security. */
export const LOCKED_KINDS: readonly NotificationKind[] = NOTIFICATION_KIND_NAMES.filter((k) => "security" in NOTIFICATION_KINDS[k]);

/** Whether the kind is sent on the channel at all (before anyone's preference). */
export const kindUses = (kind: NotificationKind, channel: NotificationChannel) =>
  (NOTIFICATION_KINDS[kind].channels as readonly string[]).includes(channel);

/** How often the kind's mail goes out, when it is a digest. */
export const digestOf = (kind: NotificationKind): "hourly" | "daily" | undefined =>
  (NOTIFICATION_KINDS[kind] as { digest?: "hourly" | "daily" }).digest;
