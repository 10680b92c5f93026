/**
 * The kinds of notification, who gets them and on which channels; the preferences page lists them in this order. A
 * kind a user has not chosen for is on. Security messages (password, address, role, account) are mail only and cannot
 * be turned off.
 */
export const NOTIFICATION_KINDS = {
  enrolled: { audience: "learner", label: "You are enrolled in a course", channels: ["app", "email"] },
  new_lesson: { audience: "learner", label: "A new lesson in a course you take (mail: a daily digest)", channels: ["app", "email"] },
  attempts_granted: { audience: "learner", label: "More attempts at a quiz", channels: ["app", "email"] },
  assignment_graded: { audience: "learner", label: "Your assignment is graded", channels: ["app", "email"] },
  assignment_returned: { audience: "learner", label: "Your assignment is returned for a revision", channels: ["app", "email"] },
  certificate_issued: { audience: "learner", label: "A certificate is issued to you", channels: ["app", "email"] },
  course_completed: { audience: "learner", label: "You completed a course", channels: ["app", "email"] },
  submission_waiting: { audience: "instructor", label: "A submission waits for grading (mail: hourly digest)", channels: ["app", "email"] },
  new_enrollments: { audience: "instructor", label: "New enrollments in your courses (mail: daily digest)", channels: ["email"] },
  security: { audience: "everyone", label: "Security: password, e-mail address, role and account changes", channels: ["email"] },
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export type NotificationChannel = "app" | "email";
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];
/** Kinds nobody may turn off. */
export const LOCKED_KINDS: readonly NotificationKind[] = ["security"];

/** Whether the kind is sent on the channel at all (before anyone's preference). */
export const kindUses = (kind: NotificationKind, channel: NotificationChannel) =>
  (NOTIFICATION_KINDS[kind].channels as readonly string[]).includes(channel);
