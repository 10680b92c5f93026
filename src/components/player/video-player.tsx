"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { RotateCcw } from "lucide-react";
import { buttonStyles } from "@/components/ui/button-styles";

type SignedVideo = { url: string; expiresAt: string; mimeType: string | null };

const SAVE_EVERY_MS = 10_000;
/** Swap in a fresh URL this long before the signed one runs out, so playback never hits an expired Range request. */
const REFRESH_BEFORE_MS = 5 * 60_000;
/** An error within this long of the last fetch is not an expired URL: show it rather than loop. */
const MIN_REFRESH_GAP_MS = 10_000;

async function requestVideoUrl(base: string): Promise<SignedVideo> {
  const response = await fetch(`${base}/video-url`, { headers: { accept: "application/json" }, credentials: "same-origin" });
  if (!response.ok) throw new Error(`video-url answered ${response.status}`);
  return (await response.json()) as SignedVideo;
}

/**
 * The lesson's video through its signed URL. Resumes where the learner left off (on any device: the position is kept
 * on the server), saves the position every ~10 s while playing, on pause and when the page goes away, and fetches a new
 * URL before (or when) the signed one expires without losing the place.
 */
export function VideoPlayer({
  courseId,
  lessonId,
  title,
  initialPosition,
  tracking,
}: {
  courseId: string;
  lessonId: string;
  title: string;
  initialPosition: number;
  tracking: boolean;
}) {
  const base = `/api/my-courses/${courseId}/lessons/${lessonId}`;
  const videoRef = useRef<HTMLVideoElement>(null);
  const [video, setVideo] = useState<SignedVideo | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  /** Where to seek on the next loadedmetadata (the saved position, or the place before a URL swap). */
  const seekTo = useRef(initialPosition);
  const resumePlaying = useRef(false);
  /** While a new URL loads, currentTime reads 0: nothing is saved until the seek is done. */
  const swapping = useRef(true);
  const lastSaved = useRef(initialPosition);
  const lastFetch = useRef(0);

  const fetchUrl = useCallback(() => {
    lastFetch.current = Date.now();
    return requestVideoUrl(base).then(
      (signed) => {
        setVideo(signed);
        setFailed(null);
      },
      () => setFailed("The video could not be loaded."),
    );
  }, [base]);

  const refresh = useCallback(() => {
    const element = videoRef.current;
    if (element && element.readyState > 0 && !swapping.current) {
      seekTo.current = element.currentTime;
      resumePlaying.current = !element.paused;
    }
    swapping.current = true;
    void fetchUrl();
  }, [fetchUrl]);

  const save = useCallback(
    (keepalive = false) => {
      const element = videoRef.current;
      if (!tracking || !element || swapping.current) return;
      const seconds = Math.floor(element.currentTime);
      if (!Number.isFinite(seconds) || seconds === lastSaved.current) return;
      lastSaved.current = seconds;
      // Not sendBeacon: it can only POST, and the position route is a PUT. keepalive lets the request outlive the page.
      fetch(`${base}/position`, {
        method: "PUT",
        keepalive,
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ seconds }),
      }).catch(() => {
        lastSaved.current = -1;
      });
    },
    [base, tracking],
  );

  useEffect(() => {
    let current = true;
    lastFetch.current = Date.now();
    requestVideoUrl(base).then(
      (signed) => current && setVideo(signed),
      () => current && setFailed("The video could not be loaded."),
    );
    return () => {
      current = false;
    };
  }, [base]);

  useEffect(() => {
    if (!video) return;
    const timer = setTimeout(refresh, Math.max(0, Date.parse(video.expiresAt) - Date.now() - REFRESH_BEFORE_MS));
    return () => clearTimeout(timer);
  }, [video, refresh]);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => save(), SAVE_EVERY_MS);
    return () => clearInterval(timer);
  }, [playing, save]);

  useEffect(() => {
    const leave = () => save(true);
    const hidden = () => document.visibilityState === "hidden" && save(true);
    window.addEventListener("pagehide", leave);
    document.addEventListener("visibilitychange", hidden);
    return () => {
      window.removeEventListener("pagehide", leave);
      document.removeEventListener("visibilitychange", hidden);
      // Leaving for another lesson inside the app: no pagehide, so save here.
      leave();
    };
  }, [save]);

  function onLoadedMetadata(event: React.SyntheticEvent<HTMLVideoElement>) {
    const element = event.currentTarget;
    const at = seekTo.current;
    // A video watched to its end starts again from the beginning.
    if (at > 0 && !(Number.isFinite(element.duration) && at >= element.duration - 0.5)) element.currentTime = at;
    if (resumePlaying.current) element.play().catch(() => undefined);
    seekTo.current = 0;
    resumePlaying.current = false;
    swapping.current = false;
  }

  function onError() {
    // An expired URL fails the next Range request: fetch a fresh one once, then give up and say so.
    if (Date.now() - lastFetch.current > MIN_REFRESH_GAP_MS) refresh();
    else setFailed("The video could not be played.");
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="aspect-video w-full overflow-hidden rounded-xl bg-slate-950">
        {video ? (
          <video
            ref={videoRef}
            src={video.url}
            controls
            preload="metadata"
            playsInline
            aria-label={`Video: ${title}`}
            className="h-full w-full"
            onLoadedMetadata={onLoadedMetadata}
            onError={onError}
            onPlay={() => setPlaying(true)}
            onPause={() => {
              setPlaying(false);
              save();
            }}
            onSeeked={(event) => event.currentTarget.paused && save()}
          />
        ) : (
          !failed && <p className="flex h-full items-center justify-center text-sm text-slate-200">Loading the video…</p>
        )}
      </div>
      {failed && (
        <p role="alert" className="flex flex-wrap items-center gap-3 text-sm text-red-800 dark:text-red-300">
          {failed}
          <button
            type="button"
            className={buttonStyles.secondary}
            onClick={() => {
              swapping.current = true;
              void fetchUrl();
            }}
          >
            <RotateCcw aria-hidden="true" className="h-4 w-4" />
            Try again
          </button>
        </p>
      )}
    </div>
  );
}
