import type { Conversation } from '../../../shared/domain';
import { dateGroupKey, dateGroupOf, type DateGroup } from './dates';

export type SidebarRow =
  | { kind: 'group'; key: string; group: DateGroup }
  | { kind: 'conversation'; key: string; conversation: Conversation };

/**
 * The sidebar's rows: pinned chats under "Pinned", then the rest under Today, Yesterday,
 * Previous 7 days and one heading per month, by last activity. The list comes sorted (pinned
 * first, newest first), so a heading goes wherever the group changes.
 */
export function sidebarRows(conversations: readonly Conversation[], now = Date.now()): SidebarRow[] {
  const rows: SidebarRow[] = [];
  let lastKey: string | null = null;
  for (const conversation of conversations) {
    const group: DateGroup = conversation.pinned ? { kind: 'pinned' } : dateGroupOf(conversation.updatedAt, now);
    const key = dateGroupKey(group);
    if (key !== lastKey) {
      rows.push({ kind: 'group', key: `group:${key}`, group });
      lastKey = key;
    }
    rows.push({ kind: 'conversation', key: conversation.id, conversation });
  }
  return rows;
}
