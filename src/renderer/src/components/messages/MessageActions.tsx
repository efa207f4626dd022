import { useEffect, useState } from 'react';
import type { Message } from '../../../../shared/domain';
import { copyText } from '../../markdown/copyText';
import { quoteIntoComposer } from '../../state/composerInsert';
import { markdownToPlainText } from '../../../../shared/plainText';
import { MenuButton, type MenuItem } from '../shell/MenuButton';
import { useRowText } from './rowText';

interface Props {
  message: Message;
  /** The conversation has a live answer: nothing that starts another may run. */
  busy: boolean;
  onEdit(): void;
  onRegenerate(): void;
  /** Asks what to delete (DeleteMessageDialog) and deletes. */
  onDelete(): void;
}

/**
 * Under a finished message, on hover and focus: Copy (Markdown), Edit a question or Regenerate an
 * answer, and a menu with Copy as plain text and Quote. Each is a button, so Tab reaches them.
 */
export function MessageActions({ message, busy, onEdit, onRegenerate, onDelete }: Props) {
  const { t } = useRowText();
  const [copied, setCopied] = useState<'markdown' | 'plain' | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = (as: 'markdown' | 'plain') =>
    void copyText(as === 'plain' ? markdownToPlainText(message.content) : message.content).then((ok) => ok && setCopied(as));
  const isUser = message.role === 'user';
  const more: MenuItem[] = [
    { id: 'copy-plain', label: t('shell.copyPlain'), onSelect: () => copy('plain') },
    { id: 'quote', label: t('shell.quote'), onSelect: () => quoteIntoComposer(message.content) },
    // The core refuses while an answer streams.
    { id: 'delete', label: t('messageDelete.action'), onSelect: onDelete, danger: true, disabled: busy },
  ];
  const copyLabel = copied ? t('shell.copied') : t('shell.copyMarkdown');
  return (
    <span className="message-actions">
      <ActionButton testId="copy-message" label={copyLabel} icon={copied ? 'icon-check' : 'icon-copy'} onClick={() => copy('markdown')} />
      {isUser ? (
        <ActionButton testId="edit-message-button" label={t('message.edit')} icon="icon-pencil" disabled={busy} onClick={onEdit} />
      ) : (
        message.status === 'done' && (
          <ActionButton testId="regenerate" label={t('message.regenerate')} icon="icon-regenerate" disabled={busy} onClick={onRegenerate} />
        )
      )}
      <MenuButton testId="message-more" label={t('shell.moreActions')} items={more} className="message-actions__more" align={isUser ? 'end' : 'start'}>
        <span className="icon-more" aria-hidden="true" />
      </MenuButton>
      <span className="visually-hidden" role="status">
        {copied ? t('shell.copied') : ''}
      </span>
    </span>
  );
}

interface ActionProps {
  testId: string;
  label: string;
  icon: string;
  disabled?: boolean;
  onClick(): void;
}

function ActionButton({ testId, label, icon, disabled, onClick }: ActionProps) {
  return (
    <button type="button" className="icon-button" data-testid={testId} aria-label={label} title={label} disabled={disabled} onClick={onClick}>
      <span className={icon} aria-hidden="true" />
    </button>
  );
}
