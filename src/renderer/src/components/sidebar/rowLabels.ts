import type { TFunction } from 'i18next';

/** Stands for a row's title while a label's sentence is translated once for the whole list. */
const TITLE_SLOT = '\u0000';

/** Every string a sidebar row shows, translated once per language for the whole list. */
export interface RowLabels {
  untitled: string;
  renameLabel: string;
  answering: string;
  pinned: string;
  quickAsk: string;
  apiOrigin: string;
  apiBadge: string;
  renameShort: string;
  pinShort: string;
  unpinShort: string;
  archiveShort: string;
  unarchiveShort: string;
  deleteShort: string;
  rename(title: string): string;
  pin(title: string): string;
  unpin(title: string): string;
  archive(title: string): string;
  unarchive(title: string): string;
  delete(title: string): string;
}

/**
 * Builds the labels from the translation function. A row used to translate nine strings, four of
 * them with its title, through three `useTranslation` hooks: at first paint, with the code still
 * cold, that was about a millisecond per row (issue #13, cold start). Sentences with a title are
 * translated once with a slot and the title put in its place, which is what i18next does with
 * escaping off (`initI18n`).
 */
export function buildRowLabels(t: TFunction): RowLabels {
  const withTitle = (key: string) => {
    const parts = t(key, { title: TITLE_SLOT }).split(TITLE_SLOT);
    return (title: string) => parts.join(title);
  };
  return {
    untitled: t('conversation.untitled'),
    renameLabel: t('sidebar.renameLabel'),
    answering: t('sidebar.answering'),
    pinned: t('sidebar.pinned'),
    quickAsk: t('sidebar.quickAsk'),
    apiOrigin: t('sidebar.apiOrigin'),
    apiBadge: t('sidebar.apiBadge'),
    renameShort: t('sidebar.renameShort'),
    pinShort: t('sidebar.pinShort'),
    unpinShort: t('sidebar.unpinShort'),
    archiveShort: t('sidebar.archiveShort'),
    unarchiveShort: t('sidebar.unarchiveShort'),
    deleteShort: t('sidebar.deleteShort'),
    rename: withTitle('sidebar.rename'),
    pin: withTitle('sidebar.pin'),
    unpin: withTitle('sidebar.unpin'),
    archive: withTitle('sidebar.archive'),
    unarchive: withTitle('sidebar.unarchive'),
    delete: withTitle('sidebar.delete'),
  };
}
