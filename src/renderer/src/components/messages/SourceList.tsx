import { useTranslation } from 'react-i18next';
import type { WebSource } from '../../../../shared/webSearch';
import { safeUrl } from '../../markdown/urlPolicy';

/** The sources under a searched answer; links open in the system browser like any answer link. */
export function SourceList({ sources }: { sources: readonly WebSource[] }) {
  const { t } = useTranslation();
  return (
    <section className="sources" aria-label={t('webSearch.sources')} data-testid="sources">
      <h4 className="sources__title">{t('webSearch.sources')}</h4>
      <ol className="sources__list">
        {sources.map((s) => {
          const href = safeUrl(s.url, 'href');
          return (
            <li key={s.n} className="source" data-testid="source">
              <span className="source__n">{s.n}</span>
              {href ? (
                <a className="source__link" href={href} target="_blank" rel="noopener noreferrer" title={t('webSearch.openSource', { site: s.site })}>
                  {s.title}
                </a>
              ) : (
                <span className="source__link">{s.title}</span>
              )}
              <span className="source__site">{s.site}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
