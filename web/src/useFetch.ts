import { useCallback, useEffect, useRef, useState } from 'react';

// Loads something, reloads on demand, and optionally polls while `poll(data)` says so.
export function useFetch<T>(load: () => Promise<T>, deps: unknown[], poll?: (data: T) => boolean, intervalMs = 2000) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string>('');
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (mine === generation.current) {
        setData(value);
        setError('');
      }
    } catch (failure) {
      if (mine === generation.current) setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    setData(null);
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const polling = data !== null && poll ? poll(data) : false;
  useEffect(() => {
    if (!polling) return;
    const timer = window.setInterval(() => void reload(), intervalMs);
    return () => window.clearInterval(timer);
  }, [polling, reload, intervalMs]);

  return { data, error, loading, reload, polling };
}
