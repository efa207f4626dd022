import { untitled as enUntitled } from '../../../shared/i18n/en/conversation.json';
import { title as enSettings } from '../../../shared/i18n/en/settings.json';
import { group as enGroup, hideSidebar as enHide } from '../../../shared/i18n/en/shell.json';
import enSidebar from '../../../shared/i18n/en/sidebar.json';
import { untitled as zhUntitled } from '../../../shared/i18n/zh-CN/conversation.json';
import { title as zhSettings } from '../../../shared/i18n/zh-CN/settings.json';
import { group as zhGroup, hideSidebar as zhHide } from '../../../shared/i18n/zh-CN/shell.json';
import zhSidebar from '../../../shared/i18n/zh-CN/sidebar.json';
import type { UiLanguage } from '../i18n/resolveLanguage';

/** The few strings the first paint shows, straight from the translation files (not i18next, which loads with the app). */
export interface FirstPaintText {
  newChat: string;
  conversations: string;
  filter: string;
  filters: { all: string; quick: string; archived: string };
  hideSidebar: string;
  settings: string;
  untitled: string;
  pinned: string;
  quickAsk: string;
  apiBadge: string;
  apiOrigin: string;
  groups: { pinned: string; today: string; yesterday: string; week: string };
}

function text(
  sidebar: typeof enSidebar,
  group: typeof enGroup,
  hideSidebar: string,
  settings: string,
  untitled: string,
): FirstPaintText {
  return {
    newChat: sidebar.newChat,
    conversations: sidebar.conversations,
    filter: sidebar.filter,
    filters: { all: sidebar.filterAll, quick: sidebar.filterQuick, archived: sidebar.filterArchived },
    hideSidebar,
    settings,
    untitled,
    pinned: sidebar.pinned,
    quickAsk: sidebar.quickAsk,
    apiBadge: sidebar.apiBadge,
    apiOrigin: sidebar.apiOrigin,
    groups: group,
  };
}

export function firstPaintText(language: UiLanguage): FirstPaintText {
  return language === 'zh-CN'
    ? text(zhSidebar, zhGroup, zhHide, zhSettings, zhUntitled)
    : text(enSidebar, enGroup, enHide, enSettings, enUntitled);
}
