import { createContext, useContext } from 'react';
import type { useTranslation } from 'react-i18next';

/** The UI strings for message rows, shared by every row of a MessageList. */
export interface RowText {
  t: ReturnType<typeof useTranslation>['t'];
  language: string;
}

/**
 * One translation function for all rows, given by the MessageList. react-i18next's
 * `useTranslation` copies the whole i18n instance on every mount (its per-component wrapper),
 * and each row has several components that translate: opening a conversation or scrolling
 * through one spent more time there than in drawing the rows. The list re-renders when the
 * language changes, and a new value reaches the rows through this context.
 */
export const RowTextContext = createContext<RowText | null>(null);

/** For the components of a message row (always inside a MessageList). */
export function useRowText(): RowText {
  const text = useContext(RowTextContext);
  if (!text) throw new Error('useRowText is for message rows, inside a MessageList');
  return text;
}
