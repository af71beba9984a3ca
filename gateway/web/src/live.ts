/** Data that stays current: loaded over HTTP, refreshed on live events, and polled while the live link is down. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { NetworkError, subscribeLive } from './api';

/** How often a page refreshes while it has no live connection. */
export const POLL_MS = 5_000;

export interface LiveSpec<E extends { eventId: string }> {
  query: string;
  variables: Record<string, unknown>;
  pick: (data: Record<string, unknown>) => E | undefined;
  onEvent?: (event: E) => void;
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
  live?: LiveSpec<E>,
  /** More subscriptions whose events only refresh the data (their connection state follows the first one's). */
  also: LiveSpec<{ eventId: string }>[] = [],
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

  const refresh = useCallback(() => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    loadRef
      .current()
      .then((value) => {
        setData(value);
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
    setData(null);
    setError(null);
    refresh();
  }, [key]);

  // Live events: refresh (coalesced) on each one.
  useEffect(() => {
    if (!live) return;
    let pending: ReturnType<typeof setTimeout> | null = null;
    const stop = subscribeLive<E>(live.query, live.variables, live.pick, {
      onEvent: (event) => {
        onEventRef.current?.(event);
        if (!pending) pending = setTimeout(() => ((pending = null), refresh()), 250);
      },
      onState: (up) => {
        setConnected((was) => {
          // Back from a gap: catch up on anything the events did not carry.
          if (up && !was) refresh();
          return up;
        });
      },
    });
    const stops = also.map((spec) =>
      subscribeLive(spec.query, spec.variables, spec.pick, {
        onEvent: (event) => {
          spec.onEvent?.(event);
          if (!pending) pending = setTimeout(() => ((pending = null), refresh()), 250);
        },
        onState: () => undefined,
      }),
    );
    return () => {
      stop();
      for (const s of stops) s();
      if (pending) clearTimeout(pending);
    };
  }, [key]);

  // The fallback: poll while not live (and always while the last attempt failed).
  useEffect(() => {
    const timer = setInterval(() => {
      if (!connected || offline) refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [connected, offline]);

  return { data, error, connected, offline, updatedAt, refresh };
}
