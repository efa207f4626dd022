import { createContext, useContext } from 'react';
import type { RowLabels } from './rowLabels';

/** Given by the ConversationList; a language change gives the rows a new value. */
export const RowLabelsContext = createContext<RowLabels | null>(null);

/** For the parts of a sidebar row (always inside a ConversationList). */
export function useRowLabels(): RowLabels {
  const labels = useContext(RowLabelsContext);
  if (!labels) throw new Error('useRowLabels is for sidebar rows, inside a ConversationList');
  return labels;
}
