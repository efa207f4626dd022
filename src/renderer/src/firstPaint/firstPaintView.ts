import type { FirstScreenData } from '../../../shared/firstScreen';
import type { ConversationOrigin } from '../../../shared/domain';
import { resolveLanguage, type UiLanguage } from '../i18n/resolveLanguage';
import { monthLabel } from '../state/dates';
import { sortConversations } from '../state/listOps';
import { sidebarRows } from '../state/sidebarRows';
import { firstPaintText, type FirstPaintText } from './firstPaintText';

export type FirstPaintRow =
  | { kind: 'group'; index: number; label: string }
  | { kind: 'item'; index: number; id: string; title: string; pinned: boolean; origin: ConversationOrigin };

/** What the first paint draws: the sidebar as the app's first render with this copy will draw it. */
export interface FirstPaintView {
  language: UiLanguage;
  theme: 'light' | 'dark';
  collapsed: boolean;
  text: FirstPaintText;
  /** The filter tabs show once there is any conversation, archived ones included. */
  filters: boolean;
  rows: FirstPaintRow[];
}

export interface FirstPaintEnv {
  /** navigator.languages (and navigator.language), in order. */
  locales: readonly string[];
  prefersDark: boolean;
  collapsed: boolean;
  /** Rows enough to fill the window: the list beyond them is drawn by the app. */
  maxRows: number;
  now?: number;
}

/**
 * The same choices the app makes on its first render from the copy (useDocumentSettings for
 * the theme and language, Sidebar's "all" filter, sidebarRows for the headings), so the app
 * replaces this paint without anything moving.
 */
export function firstPaintView(data: FirstScreenData, env: FirstPaintEnv): FirstPaintView {
  const locales = [...env.locales, data.info.systemLocale].filter((l) => l !== '');
  const language = resolveLanguage(data.settings.language, locales);
  const text = firstPaintText(language);
  const setting = data.settings.theme;
  const theme = setting === 'system' ? (env.prefersDark ? 'dark' : 'light') : setting;
  const shown = sortConversations(data.conversations).filter((c) => !c.archived);
  const rows: FirstPaintRow[] = [];
  for (const [index, row] of sidebarRows(shown, env.now).entries()) {
    if (rows.length >= env.maxRows) break;
    if (row.kind === 'group') {
      const g = row.group;
      rows.push({ kind: 'group', index, label: g.kind === 'month' ? monthLabel(language, g) : text.groups[g.kind] });
    } else {
      const c = row.conversation;
      rows.push({ kind: 'item', index, id: c.id, title: c.title || text.untitled, pinned: c.pinned, origin: c.origin });
    }
  }
  return { language, theme, collapsed: env.collapsed, text, filters: data.conversations.length > 0, rows };
}
