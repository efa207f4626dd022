import { useEffect, useRef, useState } from 'react';
import type { RequestArgs } from '../../../../shared/contract';
import type { Conversation, SearchHit } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { useController } from '../../state/context';
import { toErrorData } from '../../state/errors';
import type { Filters } from './SearchFilters';

const DEBOUNCE_MS = 120;
const PAGE = 30;

export const NO_FILTERS: Filters = { order: 'newest', role: '', model: '', from: '', to: '', includeReasoning: false };

function toArgs(query: string, f: Filters, cursor: string | null): RequestArgs<'history.search'> {
  const day = (text: string, end: boolean) => {
    if (!text) return undefined;
    const [y, m, d] = text.split('-').map(Number);
    const date = new Date(y!, m! - 1, d!, end ? 23 : 0, end ? 59 : 0, end ? 59 : 0, end ? 999 : 0);
    return Number.isNaN(date.getTime()) ? undefined : date.getTime();
  };
  return {
    query,
    order: f.order,
    limit: PAGE,
    cursor,
    includeReasoning: f.includeReasoning,
    ...(f.role ? { role: f.role } : {}),
    ...(f.model ? { model: f.model } : {}),
    ...(day(f.from, false) !== undefined ? { from: day(f.from, false) } : {}),
    ...(day(f.to, true) !== undefined ? { to: day(f.to, true) } : {}),
  };
}

/**
 * The search behind the dialog: results for the query and filters (debounced; a newer query
 * wins over a slower older one), the next page on demand, and which hit is highlighted.
 */
export function useHistorySearch(query: string, filters: Filters) {
  const controller = useController();
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    const empty = query.trim() === '';
    const timer = window.setTimeout(
      () => {
        if (mine !== seq.current) return;
        setError(null);
        if (empty) {
          setHits([]);
          setCursor(null);
          setLoading(false);
          return;
        }
        setLoading(true);
        controller
          .search(toArgs(query, filters, null))
          .then((page) => {
            if (mine !== seq.current) return;
            setHits(page.hits);
            setCursor(page.nextCursor);
            setActive(0);
          })
          .catch((err: unknown) => {
            if (mine === seq.current) setError(toErrorData(err));
          })
          .finally(() => {
            if (mine === seq.current) setLoading(false);
          });
      },
      empty ? 0 : DEBOUNCE_MS,
    );
    return () => window.clearTimeout(timer);
  }, [controller, query, filters]);

  const more = () => {
    if (!cursor) return;
    const mine = seq.current;
    setLoading(true);
    controller
      .search(toArgs(query, filters, cursor))
      .then((page) => {
        if (mine !== seq.current) return;
        setHits((h) => [...h, ...page.hits]);
        setCursor(page.nextCursor);
      })
      .catch((err: unknown) => setError(toErrorData(err)))
      .finally(() => setLoading(false));
  };

  return { hits, cursor, active, setActive, loading, error, more };
}

/**
 * The models the filter offers: every model in the history, asked once when the dialog opens.
 * Until the answer comes (or if it fails) the conversations' chosen models stand in.
 */
export function useSearchModels(conversations: readonly Conversation[]): string[] {
  const controller = useController();
  const [fromHistory, setFromHistory] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    controller
      .searchModels()
      .then((models) => live && setFromHistory(models))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [controller]);
  return fromHistory ?? [...new Set(conversations.map((c) => c.model).filter((m): m is string => !!m))].sort();
}
