/**
 * Sidebar rows take their strings from labels translated once per list (cold start): each must
 * read exactly as translating it for that row would, in both languages, whatever the title holds.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { buildRowLabels } from '../../../src/renderer/src/components/sidebar/rowLabels';
import { en, zhCN } from '../../../src/shared/i18n/resources';

const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } };

const TITLES = ['Trip to Kyoto', '东京の天気 "quoted" <b>bold</b>', 'dollars $& $1 {{title}} %s', ''];
const WITH_TITLE = ['rename', 'pin', 'unpin', 'archive', 'unarchive', 'delete'] as const;

describe('sidebar row labels', () => {
  for (const lng of ['en', 'zh-CN'] as const) {
    it(`read as translating them per row would (${lng})`, async () => {
      const i18n = i18next.createInstance();
      await i18n.init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false }, initAsync: false });
      const labels = buildRowLabels(i18n.t);
      for (const title of TITLES) {
        for (const key of WITH_TITLE) {
          const expected = i18n.t(`sidebar.${key}`, { title });
          expect(labels[key](title)).toBe(expected);
          if (title) expect(expected).toContain(title);
        }
      }
      expect(labels.deleteShort).toBe(i18n.t('sidebar.deleteShort'));
      expect(labels.untitled).toBe(i18n.t('conversation.untitled'));
    });
  }
});
