import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../hooks/useErrorText';
import type { PendingAttachment } from '../../state/attachments/pendingAttachments';
import { PendingChip } from './PendingChip';

interface Props {
  items: readonly PendingAttachment[];
  onRemove(key: string): void;
  /** Where focus goes when the last chip is removed from the keyboard (the text box). */
  focusAfterLast(): void;
}

/** The chips above the text box. A removed chip hands focus to its neighbour, so Delete can be pressed again. */
export function PendingAttachmentList({ items, onRemove, focusAfterLast }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const chips = useRef(new Map<string, HTMLDivElement>());
  if (items.length === 0) return null;

  const remove = (index: number) => {
    const item = items[index];
    if (!item) return;
    const hadFocus = chips.current.get(item.key)?.contains(document.activeElement) === true;
    const neighbour = items[index + 1] ?? items[index - 1];
    onRemove(item.key);
    if (!hadFocus) return;
    if (neighbour) chips.current.get(neighbour.key)?.focus();
    else focusAfterLast();
  };

  const failed = items.filter((item) => item.status === 'failed' && item.error);
  return (
    <div className="attachment-tray">
      <div className="attachment-tray__chips" role="list" aria-label={t('attachments.pendingLabel')} data-testid="pending-attachments">
        {items.map((item, i) => (
          <div role="listitem" key={item.key} className="attachment-tray__item">
            <PendingChip
              ref={(el) => {
                if (el) chips.current.set(item.key, el);
                else chips.current.delete(item.key);
              }}
              item={item}
              onRemove={() => remove(i)}
            />
          </div>
        ))}
      </div>
      {failed.length > 0 && (
        // Why each failed file cannot go (the core's reason: unreadable, a scan without text…), in full.
        <ul className="attachment-tray__errors" role="alert" data-testid="pending-attachment-errors">
          {failed.map((item) => (
            <li key={item.key}>
              <strong>{item.name}</strong>: {item.error && errorText(item.error)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
