import { z } from "zod";
import { SCHEDULES } from "@/lib/jobs/names";

export const JOBS_PAGE_SIZE = 25;

export const JOB_LIST_STATES = ["queued", "active", "failed", "dead"] as const;
export type JobListState = (typeof JOB_LIST_STATES)[number];

/** POST /api/admin/jobs/<jobId>/retry: a job's id is a UUID; anything else names no job. */
export const jobParams = z.object({ jobId: z.uuid("Not a job id.") });

/** /admin/jobs?state=&page= */
export const jobListQuerySchema = z.object({
  state: z.enum(JOB_LIST_STATES, { error: "Choose queued, active, failed or dead." }).optional().default("failed"),
  page: z.coerce.number().int("Page must be a whole number.").min(1, "Page starts at 1.").max(100_000).optional().default(1),
});
export type JobListQuery = z.infer<typeof jobListQuerySchema>;

/** POST /api/admin/jobs/run: a scheduled queue whose job runs now, besides its schedule. */
export const runScheduleSchema = z.object({
  queue: z.enum(
    SCHEDULES.map((s) => s.name),
    { error: `Choose a scheduled queue: ${SCHEDULES.map((s) => s.name).join(", ")}.` },
  ),
});
export type RunScheduleInput = z.infer<typeof runScheduleSchema>;
