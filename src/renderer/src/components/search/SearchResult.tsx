import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../shared/domain';

interface Props {
  id: string;
  index: number;
  hit: SearchHit;
  active: boolean;
  onHover: () => void;
  onOpen: () => void;
}

/** One hit: title, date, model, and the snippet with the matched words as <mark> (text only, never HTML). */
export const SearchResult = memo(function SearchResult({ id, index, hit, active, onHover, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const date = new Date(hit.createdAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      data-index={index}
      data-testid="search-hit"
      data-message-id={hit.messageId}
      className={active ? 'search-hit search-hit--active' : 'search-hit'}
      onMouseMove={onHover}
      onClick={onOpen}
    >
      <div className="search-hit__head">
        <span className="search-hit__title">{hit.conversationTitle || t('conversation.untitled')}</span>
        <span className="search-hit__meta">
          {hit.role === 'user' ? t('message.you') : hit.model ?? t('message.assistant')} · {date}
        </span>
      </div>
      {hit.attachment && (
        // The words were found in a document attached to the message, not in what was typed.
        <div className="search-hit__file" data-testid="search-hit-file">
          {t('attachments.searchInFile', { name: hit.attachment.name })}
        </div>
      )}
      <div className="search-hit__snippet">
        {hit.snippet.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
      </div>
    </li>
  );
});
