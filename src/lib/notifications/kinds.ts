/**
 * The kinds of notification, who gets them and on which channels; the preferences page lists them in this order. A
 * kind a user has not chosen for is on. Only the app's channel (the bell and /notifications) is sent so far: the mail
 * channel, digests and security mail come with the job queue (issue 18).
 */
export const NOTIFICATION_KINDS = {
  enrolled: { audience: "learner", label: "You are enrolled in a course", channels: ["app"] },
  attempts_granted: { audience: "learner", label: "You have another attempt at a quiz", channels: ["app"] },
  assignment_graded: { audience: "learner", label: "Your assignment is graded", channels: ["app"] },
  assignment_returned: { audience: "learner", label: "Your assignment is returned for a revision", channels: ["app"] },
  certificate_issued: { audience: "learner", label: "A certificate is issued to you", channels: ["app"] },
  course_completed: { audience: "learner", label: "You completed a course", channels: ["app"] },
  submission_waiting: { audience: "instructor", label: "A submission waits for your grading", channels: ["app"] },
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export type NotificationChannel = "app" | "email";
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];
/** Kinds nobody may turn off (security mail, once mail is sent). */
export const LOCKED_KINDS: readonly NotificationKind[] = [];

/** Whether the kind is sent on the channel at all (before anyone's preference). */
export const kindUses = (kind: NotificationKind, channel: NotificationChannel) =>
  (NOTIFICATION_KINDS[kind].channels as readonly string[]).includes(channel);
