import { createContext, useContext, type ComponentPropsWithoutRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtraProps } from 'react-markdown';

function hostOf(src: string): string {
  try {
    return new URL(src).host;
  } catch {
    return '';
  }
}

/** True inside a markdown link: an image there is part of that link, not a link of its own. */
export const InsideLink = createContext(false);

/**
 * A markdown image from model output, shown as a link and never loaded: a prompt injection
 * could otherwise send the conversation to any server inside the image URL. A click opens it
 * like any other link (the desktop shell hands it to the system browser).
 */
export function ImageLink({ node: _node, src, alt }: ComponentPropsWithoutRef<'img'> & ExtraProps) {
  const { t } = useTranslation();
  const insideLink = useContext(InsideLink);
  const label = alt?.trim() || t('markdown.image');
  if (typeof src !== 'string' || src === '') return <span className="md-image-removed">[{label}]</span>;
  const host = hostOf(src);
  const body = (
    <>
      <span className="icon-image" aria-hidden="true" />
      <span className="md-image-link__alt">{label}</span>
      {host && <span className="md-image-link__host">{host}</span>}
    </>
  );
  if (insideLink) return <span className="md-image-link">{body}</span>;
  return (
    <a
      className="md-image-link"
      data-testid="markdown-image"
      href={src}
      target="_blank"
      rel="noopener noreferrer"
      referrerPolicy="no-referrer"
      title={t('markdown.imageOpen', { host })}
    >
      {body}
    </a>
  );
}
