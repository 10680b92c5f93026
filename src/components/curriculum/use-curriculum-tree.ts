"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { ApiResult } from "@/lib/http/client-json";

const noSubscription = () => () => {};

/** false in the server's HTML and until React has hydrated it; a button that needs the page's script waits for true. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * The editor's tree: the server's (`initial`, new on every refresh of the page) with this page's changes shown at
 * once. The changes are sent one at a time, in the order they were made, so the server applies them in that order
 * (each request names where the lesson is after the ones before it). While any is on its way, a tree the server sends
 * is older than the one on screen (the refresh that brought it was asked for before the change was saved: an "Add
 * lesson" just before a "Move up", say): it is kept aside, not shown, or it would undo the move on screen until the
 * next refresh. Once the last change is answered the page refreshes, and the server's tree is shown again. A refused
 * change puts the tree back as it was before it, and the changes queued after it are dropped (answered with the code
 * DROPPED, so that a form waiting for one is not left waiting). `current()` is the tree on screen now, for a change
 * made from a callback that outlives its render (an Undo in a toast).
 */
export const DROPPED = "DROPPED";
const dropped = {
  ok: false as const,
  error: { status: 0, code: DROPPED, message: "Not saved: an earlier change was refused.", fields: {} },
};

export function useCurriculumTree<T>(initial: T) {
  const router = useRouter();
  const [tree, setTree] = useState(initial);
  const [source, setSource] = useState(initial);
  const [pending, setPending] = useState(0);
  if (source !== initial) {
    setSource(initial);
    if (pending === 0) setTree(initial);
  }
  const shown = useRef(tree);
  useEffect(() => {
    shown.current = tree;
  }, [tree]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const unanswered = useRef(0);
  const generation = useRef(0);

  /** Shows `next` at once and queues `send`; `answered` hears each answer, or DROPPED when a refusal before it dropped it. */
  function change<R>(next: T, send: () => Promise<ApiResult<R>>, answered: (result: ApiResult<R>) => void) {
    const before = shown.current;
    const mine = generation.current;
    shown.current = next;
    setTree(next);
    setPending((n) => n + 1);
    unanswered.current += 1;
    queue.current = queue.current.then(async () => {
      if (mine === generation.current) {
        const result = await send();
        if (!result.ok) {
          generation.current += 1;
          shown.current = before;
          setTree(before);
        }
        answered(result);
      } else {
        answered(dropped);
      }
      unanswered.current -= 1;
      setPending((n) => n - 1);
      if (unanswered.current === 0) router.refresh();
    });
  }

  return { tree, current: () => shown.current, change, saving: pending > 0 };
}
