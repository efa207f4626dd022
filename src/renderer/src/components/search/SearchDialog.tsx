import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../hooks/useErrorText';
import { useAppState, useController } from '../../state/context';
import { Modal } from '../Modal';
import { SearchFilters, type Filters } from './SearchFilters';
import type { AppErrorData } from '../../../../shared/errors';
import { SearchResult } from './SearchResult';
import { NO_FILTERS, useHistorySearch, useSearchModels } from './useHistorySearch';

/** Ctrl/Cmd+K: search every message; arrows move, Enter opens the conversation at the hit. */
export function SearchDialog() {
  const { t } = useTranslation();
  const controller = useController();
  const conversations = useAppState((s) => s.conversations);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const { hits, cursor, active, setActive, loading, error, more } = useHistorySearch(query, filters);
  const list = useRef<HTMLUListElement>(null);

  const models = useSearchModels(conversations);

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
      <SearchFooter query={query} loading={loading} hits={hits.length} error={error} more={cursor ? more : null} />
    </Modal>
  );
}

interface FooterProps {
  query: string;
  loading: boolean;
  hits: number;
  error: AppErrorData | null;
  /** Loads the next page; null when there is none. */
  more: (() => void) | null;
}

/** Why nothing shows (an error, no match) or how to use the dialog, and the next page. */
function SearchFooter({ query, loading, hits, error, more }: FooterProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div className="search-dialog__footer" aria-live="polite">
        {error ? (
          <span className="field__error">{errorText(error)}</span>
        ) : query.trim() !== '' && !loading && hits === 0 ? (
          <span data-testid="search-empty">{t('search.none')}</span>
        ) : (
          <span className="search-dialog__hint">{t('search.hint')}</span>
        )}
        {more && (
          <button type="button" className="button button--ghost" onClick={more} disabled={loading} data-testid="search-more">
            {t('search.more')}
          </button>
        )}
      </div>
  );
}
