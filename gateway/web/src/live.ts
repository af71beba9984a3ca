/** Data that stays current: loaded over HTTP, refreshed on live events, and polled while the live link is down. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { NetworkError, subscribeLive } from './api';

/** How often a page refreshes while it has no live connection. */
export const POLL_MS = 5_000;

export interface LiveSpec<E extends { eventId: string }, T = unknown> {
  query: string;
  variables: Record<string, unknown>;
  pick: (data: Record<string, unknown>) => E | undefined;
  onEvent?: (event: E) => void;
  /** Applies the event to the data on screen; null when it cannot (then the data is reloaded). */
  apply?: (data: T, event: E) => T | null;
}

export interface LiveState<T> {
  data: T | null;
  error: unknown;
  /** The live subscription is open. */
  connected: boolean;
  /** The last refresh failed to reach the server: what is on screen is as of `updatedAt`. */
  offline: boolean;
  updatedAt: Date | null;
  refresh: () => void;
}

export function useLiveQuery<T, E extends { eventId: string }>(
  load: () => Promise<T>,
  key: string,
  live?: LiveSpec<E, T>,
  /** More subscriptions whose events also update the data (their connection state follows the first one's). */
  also: LiveSpec<{ eventId: string }, T>[] = [],
  /**
   * The live cursor the data was loaded with (Query.liveCursor, asked in the same query): the subscriptions then
   * open once the first data is in, replaying from it, so nothing is missed and nothing is loaded twice.
   */
  cursorOf?: (data: T) => string | null | undefined,
): LiveState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [connected, setConnected] = useState(false);
  const [offline, setOffline] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const running = useRef(false);
  const again = useRef(false);
  const onEventRef = useRef(live?.onEvent);
  onEventRef.current = live?.onEvent;
  const applyRef = useRef(live?.apply);
  applyRef.current = live?.apply;
  const dataRef = useRef<T | null>(null);
  const cursorOfRef = useRef(cursorOf);
  cursorOfRef.current = cursorOf;
  // With a cursor: where the subscriptions start (undefined until the first data is in).
  const startAt = useRef<string | null | undefined>(undefined);
  const [liveReady, setLiveReady] = useState(!cursorOf);
  const put = (value: T | null) => {
    dataRef.current = value;
    setData(value);
  };

  const refresh = useCallback(() => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    loadRef
      .current()
      .then((value) => {
        put(value);
        if (cursorOfRef.current && startAt.current === undefined) {
          startAt.current = cursorOfRef.current(value) ?? null;
          setLiveReady(true);
        }
        setError(null);
        setOffline(false);
        setUpdatedAt(new Date());
      })
      .catch((e: unknown) => {
        if (e instanceof NetworkError) setOffline(true);
        else setError(e);
      })
      .finally(() => {
        running.current = false;
        if (again.current) {
          again.current = false;
          refresh();
        }
      });
  }, []);

  useEffect(() => {
    put(null);
    setError(null);
    if (cursorOfRef.current) {
      startAt.current = undefined;
      setLiveReady(false);
    }
    refresh();
  }, [key]);

  // Live events: refresh (coalesced) on each one.
  useEffect(() => {
    if (!live || !liveReady) return;
    const after = startAt.current ?? null;
    let pending: ReturnType<typeof setTimeout> | null = null;
    let everConnected = false;
    // An event the page can apply changes the data on screen at once; any other reloads it (coalesced).
    const take = <X>(apply: ((data: T, event: X) => T | null) | undefined, event: X) => {
      const applied = apply && dataRef.current ? apply(dataRef.current, event) : null;
      if (applied) {
        put(applied);
        setUpdatedAt(new Date());
      } else if (!pending) pending = setTimeout(() => ((pending = null), refresh()), 250);
    };
    const stop = subscribeLive<E>(
      live.query,
      live.variables,
      live.pick,
      {
        onEvent: (event) => {
          onEventRef.current?.(event);
          take(applyRef.current, event);
        },
        onState: (up) => {
          setConnected((was) => {
            // Back from a gap: catch up on anything the events did not carry. Live for the first time: the
            // subscription replays from the cursor the data was loaded with (or, without one, the first load is still
            // on its way), so the data is not asked twice.
            if (up && !was && (everConnected || (after === null && !cursorOfRef.current && !running.current)))
              refresh();
            if (up) everConnected = true;
            return up;
          });
        },
        // Missed events the server no longer keeps: what is on screen is reloaded whole.
        onReload: () => refresh(),
      },
      after,
    );
    const stops = also.map((spec) =>
      subscribeLive(
        spec.query,
        spec.variables,
        spec.pick,
        {
          onEvent: (event) => {
            spec.onEvent?.(event);
            take(spec.apply, event);
          },
          onState: () => undefined,
          onReload: () => refresh(),
        },
        after,
      ),
    );
    return () => {
      stop();
      for (const s of stops) s();
      if (pending) clearTimeout(pending);
    };
  }, [key, liveReady]);

  // The fallback: poll while not live (and always while the last attempt failed) — only on a page with live data.
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (!connected || offline) refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [connected, offline]);

  return { data, error, connected, offline, updatedAt, refresh };
}
