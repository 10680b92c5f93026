import { type UploadKind, declaredTypeOf } from "@/lib/validation/file-types";

/**
 * The browser's side of an upload: start (or resume) a session, PUT the bytes straight to the signed URLs with
 * XMLHttpRequest (fetch cannot report upload progress), retry a failed PUT, then ask the server to complete. A
 * multipart upload is remembered in localStorage, so that picking the same file after a reload sends only the parts
 * storage does not hold yet.
 */

export type UploadProgress = { loaded: number; total: number; bytesPerSecond: number };

/**
 * What went wrong, in words for the user. `retryable`: the Retry button may help (network, storage, an expired link,
 * which a resumed upload replaces); `transient`: worth retrying on its own, at once (network, 5xx).
 */
export class UploadFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly transient = retryable,
  ) {
    super(message);
    this.name = "UploadFailure";
  }
}

type Plan = {
  uploadId: string;
  single?: { url: string; headers: Record<string, string> };
  multipart?: {
    partSize: number;
    parts: { partNumber: number; url: string }[];
    done: { partNumber: number; etag: string; size: number }[];
  };
};
type Remembered = { uploadId: string; fileName: string; size: number; lastModified: number };

const PART_TRIES = 3;
const PARALLEL_PARTS = 3;
const OFFLINE = "Could not reach the server. Check your connection, then press Retry.";

const storageKey = (resumeKey: string) => `budhhub:upload:${resumeKey}`;

function remembered(resumeKey: string): Remembered | null {
  try {
    return JSON.parse(localStorage.getItem(storageKey(resumeKey)) ?? "null") as Remembered | null;
  } catch {
    return null;
  }
}
const remember = (resumeKey: string, value: Remembered | null) => {
  try {
    if (value) localStorage.setItem(storageKey(resumeKey), JSON.stringify(value));
    else localStorage.removeItem(storageKey(resumeKey));
  } catch {
    // Private mode or a full quota: the upload works, it just cannot resume after a reload.
  }
};

/** A JSON request to the app; an error answer becomes an UploadFailure with the server's message. */
async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  } catch {
    throw new UploadFailure(OFFLINE, true);
  }
  const body = (await response.json().catch(() => null)) as ({ error?: { message?: string } } & T) | null;
  if (!response.ok) {
    const message = body?.error?.message ?? `The server answered ${response.status}. Please try again.`;
    throw new UploadFailure(message, response.status >= 500 || response.status === 429);
  }
  return body as T;
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/** One PUT with progress; resolves with the ETag storage answered. */
function put(url: string, body: Blob, headers: Record<string, string>, signal: AbortSignal, onProgress: (sent: number) => void) {
  return new Promise<string>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve(xhr.getResponseHeader("ETag") ?? "");
      const transient = xhr.status >= 500 || xhr.status === 408 || xhr.status === 429;
      reject(new UploadFailure(`Storage refused the upload (${xhr.status}). Press Retry to try again.`, true, transient));
    };
    xhr.onerror = () => reject(new UploadFailure(OFFLINE, true));
    xhr.onabort = () => reject(signal.reason);
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** put() tried up to PART_TRIES times, waiting 1 s, then 2 s, between tries of a retryable failure. */
async function putWithRetry(
  url: string,
  body: Blob,
  headers: Record<string, string>,
  signal: AbortSignal,
  onProgress: (sent: number) => void,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await put(url, body, headers, signal, onProgress);
    } catch (error) {
      onProgress(0);
      if (signal.aborted || !(error instanceof UploadFailure) || !error.transient || attempt >= PART_TRIES) throw error;
      await wait(1000 * 2 ** (attempt - 1), signal);
    }
  }
}

/** Bytes per second over the last few seconds. */
function speedometer() {
  const samples: [number, number][] = [];
  return (loaded: number) => {
    const now = performance.now();
    samples.push([now, loaded]);
    while (samples.length > 2 && now - samples[0]![0] > 5000) samples.shift();
    const [t0, l0] = samples[0]!;
    return now - t0 > 0 ? ((loaded - l0) * 1000) / (now - t0) : 0;
  };
}

export type UploadRequest = {
  kind: UploadKind;
  file: File;
  /** The ids the start request needs: courseId, and moduleId and lessonId where they apply. */
  target: Record<string, string | undefined>;
  /** Names this upload slot (say, the lesson's video) for resuming after a reload. */
  resumeKey: string;
  signal: AbortSignal;
  onProgress: (progress: UploadProgress) => void;
};

async function startOrResume({ kind, file, target, resumeKey }: UploadRequest): Promise<Plan> {
  const known = remembered(resumeKey);
  if (known) {
    const same = known.fileName === file.name && known.size === file.size && known.lastModified === file.lastModified;
    const state = same ? await api<Plan & { status: string }>(`/api/upload/${known.uploadId}`).catch(() => null) : null;
    if (state?.status === "pending" && state.multipart) return state;
    remember(resumeKey, null);
    if (!same) void api(`/api/upload/${known.uploadId}`, { method: "DELETE" }).catch(() => undefined);
  }
  const plan = await api<Plan>(`/api/upload/${kind}`, {
    method: "POST",
    body: JSON.stringify({ ...target, fileName: file.name, contentType: declaredTypeOf(kind, file), size: file.size }),
  });
  if (plan.multipart) {
    remember(resumeKey, { uploadId: plan.uploadId, fileName: file.name, size: file.size, lastModified: file.lastModified });
  }
  return plan;
}

/** Uploads the file and returns what the server attached; throws UploadFailure, or the signal's reason when cancelled. */
export async function uploadFile<T>(request: UploadRequest): Promise<T> {
  const { kind, file, signal, resumeKey } = request;
  const plan = await startOrResume(request);
  const speed = speedometer();
  const sent = new Map<number, number>();
  let base = 0;
  const report = () => {
    const loaded = Math.min(file.size, base + [...sent.values()].reduce((a, b) => a + b, 0));
    request.onProgress({ loaded, total: file.size, bytesPerSecond: speed(loaded) });
  };

  try {
    let parts: { partNumber: number; etag: string }[] | undefined;
    if (plan.single) {
      await putWithRetry(plan.single.url, file, plan.single.headers, signal, (n) => (sent.set(1, n), report()));
    } else {
      const { partSize, parts: missing, done } = plan.multipart!;
      base = done.reduce((sum, p) => sum + p.size, 0);
      parts = done.map(({ partNumber, etag }) => ({ partNumber, etag }));
      const queue = [...missing];
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const { partNumber, url } = next;
          const blob = file.slice((partNumber - 1) * partSize, partNumber * partSize);
          const etag = await putWithRetry(url, blob, {}, signal, (n) => (sent.set(partNumber, n), report()));
          parts!.push({ partNumber, etag });
        }
      };
      await Promise.all(Array.from({ length: PARALLEL_PARTS }, worker));
      parts.sort((a, b) => a.partNumber - b.partNumber);
    }
    report();
    const result = await api<Record<string, T>>(`/api/upload/${kind}/complete`, {
      method: "POST",
      // A bucket whose CORS rule hides ETag gives none: the server then takes the parts storage lists.
      body: JSON.stringify({ uploadId: plan.uploadId, parts: parts?.filter((p) => p.etag) }),
    });
    remember(resumeKey, null);
    // A learner's file for an assignment is attached to nothing yet: the server names it `file`.
    return result[kind === "submission" ? "file" : kind]!;
  } catch (error) {
    if (signal.aborted) {
      remember(resumeKey, null);
      await api(`/api/upload/${plan.uploadId}`, { method: "DELETE" }).catch(() => undefined);
    } else if (plan.single || (error instanceof UploadFailure && !error.retryable)) {
      // Nothing to resume: a single PUT starts over, and a refused file was already removed by the server.
      remember(resumeKey, null);
      if (plan.single) void api(`/api/upload/${plan.uploadId}`, { method: "DELETE" }).catch(() => undefined);
    }
    throw error;
  }
}
