import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestArgs } from '../../../../shared/contract';
import type { SearchHit } from '../../../../shared/domain';
import { useErrorText } from '../../hooks/useErrorText';
import { toErrorData } from '../../state/errors';
import { useAppState, useController } from '../../state/context';
import { Modal } from '../Modal';
import { SearchFilters, type Filters } from './SearchFilters';
import { SearchResult } from './SearchResult';
import type { AppErrorData } from '../../../../shared/errors';

const DEBOUNCE_MS = 120;
const PAGE = 30;

const NO_FILTERS: Filters = { order: 'newest', role: '', model: '', from: '', to: '', includeReasoning: false };

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

/** Ctrl/Cmd+K: search every message; arrows move, Enter opens the conversation at the hit. */
export function SearchDialog() {
  const { t } = useTranslation();
  const controller = useController();
  const errorText = useErrorText();
  const conversations = useAppState((s) => s.conversations);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const seq = useRef(0);
  const list = useRef<HTMLUListElement>(null);

  const models = useMemo(
    () => [...new Set(conversations.map((c) => c.model).filter((m): m is string => !!m))].sort(),
    [conversations],
  );

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

  useEffect(() => {
    list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (e: KeyboardEvent) => {
    // A search field would spend the first Escape clearing itself; the footer promises Esc closes.
    if (e.key === 'Escape') {
      e.preventDefault();
      controller.closeSearch();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (hits.length === 0) return;
      setActive((i) => (e.key === 'ArrowDown' ? Math.min(hits.length - 1, i + 1) : Math.max(0, i - 1)));
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      const hit = hits[active];
      if (hit) {
        e.preventDefault();
        controller.openSearchHit(hit);
      }
    }
  };

  const activeId = hits[active] ? `search-hit-${active}` : undefined;
  return (
    <Modal labelledBy="search-title" onClose={() => controller.closeSearch()} className="search-dialog" testId="search-dialog">
      <h2 id="search-title" className="visually-hidden">
        {t('search.title')}
      </h2>
      <div className="search-dialog__bar">
        <span className="icon-search" aria-hidden="true" />
        <input
          data-autofocus
          data-testid="search-input"
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="search-results"
          aria-activedescendant={activeId}
          aria-label={t('search.title')}
          placeholder={t('search.placeholder')}
          value={query}
          maxLength={500}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        {loading && <span className="spinner spinner--small" aria-hidden="true" />}
      </div>
      <SearchFilters value={filters} models={models} onChange={setFilters} />
      <ul id="search-results" ref={list} role="listbox" className="search-results" aria-label={t('search.results')} data-testid="search-results">
        {hits.map((hit, i) => (
          <SearchResult
            key={hit.messageId}
            id={`search-hit-${i}`}
            index={i}
            hit={hit}
            active={i === active}
            onHover={() => setActive(i)}
            onOpen={() => controller.openSearchHit(hit)}
          />
        ))}
      </ul>
      <div className="search-dialog__footer" aria-live="polite">
        {error ? (
          <span className="field__error">{errorText(error)}</span>
        ) : query.trim() !== '' && !loading && hits.length === 0 ? (
          <span data-testid="search-empty">{t('search.none')}</span>
        ) : (
          <span className="search-dialog__hint">{t('search.hint')}</span>
        )}
        {cursor && (
          <button type="button" className="button button--ghost" onClick={more} disabled={loading} data-testid="search-more">
            {t('search.more')}
          </button>
        )}
      </div>
    </Modal>
  );
}
