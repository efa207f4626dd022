/**
 * Browser mode's first paint (issue #13, cold start) draws the sidebar from the copy before the
 * app runs; the app then draws the same list over it. These check that the first paint makes the
 * app's own choices: order, the "all" filter, headings, language and theme.
 */
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../src/shared/domain';
import type { FirstScreenData } from '../../../src/shared/firstScreen';
import { firstPaintView, type FirstPaintEnv } from '../../../src/renderer/src/firstPaint/firstPaintView';
import { sortConversations } from '../../../src/renderer/src/state/listOps';
import { sidebarRows } from '../../../src/renderer/src/state/sidebarRows';
import { conv, SETTINGS } from './support/fakeClient';

const NOW = new Date(2026, 11, 4, 15, 0).getTime();
const DAY = 86_400_000;
const INFO: AppInfo = { mode: 'browser', version: '0', secretStorage: 'file-0600', dataDir: '/tmp', systemLocale: '' };
const ENV: FirstPaintEnv = { locales: ['en-US'], prefersDark: false, collapsed: false, maxRows: 100, now: NOW };

function copy(patch: Partial<FirstScreenData> = {}): FirstScreenData {
  return {
    info: INFO,
    settings: SETTINGS,
    providers: [],
    conversations: [
      conv('old', { title: 'March notes', updatedAt: new Date(2026, 2, 3).getTime() }),
      conv('today', { title: 'Rivers of Europe', updatedAt: NOW - 1000 }),
      conv('pinned', { title: '长江和黄河', pinned: true, updatedAt: NOW - 3 * DAY }),
      conv('gone', { title: 'Archived one', archived: true, updatedAt: NOW }),
      conv('blank', { title: '', origin: 'quick', updatedAt: NOW - DAY }),
    ],
    desktop: { available: false, shortcut: null },
    health: null,
    ...patch,
  };
}

describe('the first paint of the sidebar', () => {
  it('lists what the app lists, in its order and under its headings, archived chats left out', () => {
    const data = copy();
    const view = firstPaintView(data, ENV);
    const app = sidebarRows(sortConversations(data.conversations).filter((c) => !c.archived), NOW);
    expect(view.rows.map((r) => (r.kind === 'group' ? `# ${r.label}` : r.id))).toEqual([
      '# Pinned', 'pinned', '# Today', 'today', '# Yesterday', 'blank', '# March 2026', 'old',
    ]);
    // Same rows, same places: the app's virtual list puts its row N where this one is.
    expect(view.rows.map((r) => r.index)).toEqual(app.map((_, i) => i));
    expect(view.filters).toBe(true);
  });

  it('shows an untitled chat as the app does, and keeps its markers', () => {
    const blank = firstPaintView(copy(), ENV).rows.find((r) => r.kind === 'item' && r.id === 'blank');
    expect(blank).toMatchObject({ title: 'New chat', origin: 'quick', pinned: false });
  });

  it('speaks the language the settings ask for, else the system’s', () => {
    const zh = firstPaintView(copy({ settings: { ...SETTINGS, language: 'zh-CN' } }), ENV);
    expect(zh.language).toBe('zh-CN');
    expect(zh.text.newChat).toBe('新对话');
    expect(zh.rows.filter((r) => r.kind === 'group').map((r) => r.label)).toEqual(['已置顶', '今天', '昨天', '2026年3月']);
    const system = firstPaintView(copy({ settings: { ...SETTINGS, language: 'system' } }), { ...ENV, locales: ['zh-TW', 'en'] });
    expect(system.language).toBe('zh-CN');
    // The operating system's locale counts when the browser's say nothing we have.
    const fromOs = firstPaintView(copy({ settings: { ...SETTINGS, language: 'system' }, info: { ...INFO, systemLocale: 'zh-CN' } }), { ...ENV, locales: ['fr'] });
    expect(fromOs.language).toBe('zh-CN');
  });

  it('takes the theme from the settings, and from the system when they say so', () => {
    expect(firstPaintView(copy({ settings: { ...SETTINGS, theme: 'dark' } }), ENV).theme).toBe('dark');
    expect(firstPaintView(copy({ settings: { ...SETTINGS, theme: 'system' } }), { ...ENV, prefersDark: true }).theme).toBe('dark');
    expect(firstPaintView(copy({ settings: { ...SETTINGS, theme: 'system' } }), ENV).theme).toBe('light');
  });

  it('draws no more rows than fill the window', () => {
    const many = copy({ conversations: Array.from({ length: 200 }, (_, i) => conv(`c${i}`, { updatedAt: NOW - i * 1000 })) });
    const view = firstPaintView(many, { ...ENV, maxRows: 30 });
    expect(view.rows).toHaveLength(30);
    expect(view.rows[0]).toMatchObject({ kind: 'group' });
  });

  it('an empty history has no filter tabs and no rows', () => {
    const view = firstPaintView(copy({ conversations: [] }), ENV);
    expect(view.rows).toEqual([]);
    expect(view.filters).toBe(false);
  });
});
