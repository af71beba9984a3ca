/**
 * The village the form reports for, loaded once (the form has no live figures to follow: no subscription, no
 * polling) and kept in this browser, so that the form opens with no signal on a phone that opened it before.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { NetworkError } from '../../api';

export interface VillageState<T> {
  data: T | null;
  error: unknown;
  /** The data comes from this browser's copy, saved at `savedAt`: the server could not be reached. */
  offline: boolean;
  savedAt: string | null;
  refresh: () => void;
}

const cacheKey = (id: string) => `bdhvs.village.${id}`;

export function useVillage<T>(id: string, load: () => Promise<T>): VillageState<T> {
  const [state, setState] = useState<Omit<VillageState<T>, 'refresh'>>({
    data: null,
    error: null,
    offline: false,
    savedAt: null,
  });
  const refresh = useCallback(() => {
    load()
      .then((data) => {
        const savedAt = new Date().toISOString();
        try {
          localStorage.setItem(cacheKey(id), JSON.stringify({ savedAt, data }));
        } catch {
          // A full storage only costs the offline copy.
        }
        setState({ data, error: null, offline: false, savedAt });
      })
      .catch((error: unknown) => {
        if (!(error instanceof NetworkError)) return setState((s) => ({ ...s, error }));
        const kept = localStorage.getItem(cacheKey(id));
        const copy = kept ? (JSON.parse(kept) as { savedAt: string; data: T }) : null;
        setState((s) => ({
          data: s.data ?? copy?.data ?? null,
          savedAt: s.data ? s.savedAt : (copy?.savedAt ?? null),
          error: s.data || copy ? null : error,
          offline: true,
        }));
      });
  }, [id]);
  useEffect(() => {
    refresh();
    // Back online: the figures shown are brought up to date once.
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, [id]);
  return { ...state, refresh };
}
