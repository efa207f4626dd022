import { useState } from 'react';
import { splitImportedImages } from '../../../../shared/importedImage';
import { useRowText } from './rowText';

/** Past this, a user message shows its beginning until expanded (a pasted log can be megabytes). */
const PREVIEW_CHARS = 20_000;

/** What the user typed, as plain text: never markdown, never HTML; imported image markers translated. */
export function UserText({ content }: { content: string }) {
  const { t, language } = useRowText();
  const [expanded, setExpanded] = useState(false);
  const long = content.length > PREVIEW_CHARS;
  const shown = long && !expanded ? content.slice(0, PREVIEW_CHARS) : content;
  return (
    <div className="user-text" data-testid="message-content">
      {splitImportedImages(shown).map((part, i) =>
        part.kind === 'image' ? (
          <span key={i} className="user-text__image" title={t('imported.imageHint')} data-testid="imported-image">
            [{t('imported.image')}]
          </span>
        ) : (
          part.text
        ),
      )}
      {long && (
        <button type="button" className="link-button user-text__more" onClick={() => setExpanded((v) => !v)}>
          {expanded
            ? t('message.showLess')
            : t('message.showAll', { chars: new Intl.NumberFormat(language).format(content.length) })}
        </button>
      )}
    </div>
  );
}
