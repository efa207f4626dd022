import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/domain';
import { useAppState } from '../../state/context';
import { ConfirmDialog } from '../ConfirmDialog';

interface Props {
  message: Message;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Says exactly what Delete removes before it does: the message alone, or with the replies
 * below it (and their other versions, which only continue this message); its own other
 * versions stay. Messages have no Undo (a deleted subtree is removed from the store at once),
 * so this asks first and says so.
 */
export function DeleteMessageDialog({ message, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const below = useAppState((s) => {
    const list = s.messages?.conversationId === message.conversationId ? s.messages.list : [];
    const at = list.findIndex((m) => m.id === message.id);
    return at < 0 ? 0 : list.length - at - 1;
  });
  const siblings = (message.branch?.count ?? 1) - 1;
  const text = [
    below > 0 ? t('messageDelete.withReplies', { count: below }) : t('messageDelete.only'),
    siblings > 0 ? t('messageDelete.siblingsStay', { count: siblings }) : '',
    t('messageDelete.permanent'),
  ]
    .filter(Boolean)
    .join(' ');
  return <ConfirmDialog title={t('messageDelete.title')} message={text} confirmLabel={t('common.delete')} onConfirm={onConfirm} onCancel={onCancel} />;
}
