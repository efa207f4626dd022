import type { LanguageSetting } from '../../shared/domain';

/** The tray menu lives in the main process, which has no i18next: its few labels are here. */
export interface TrayLabels {
  quickAsk: string;
  newChat: string;
  show: string;
  settings: string;
  quit: string;
}

const LABELS: Record<'en' | 'zh-CN', TrayLabels> = {
  en: { quickAsk: 'Quick ask', newChat: 'New chat', show: 'Show Brook', settings: 'Settings…', quit: 'Quit Brook' },
  'zh-CN': { quickAsk: '快速提问', newChat: '新对话', show: '显示 Brook', settings: '设置…', quit: '退出 Brook' },
};

export function trayLabels(setting: LanguageSetting, systemLocale: string): TrayLabels {
  const lang = setting === 'system' ? (systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en') : setting;
  return LABELS[lang];
}
