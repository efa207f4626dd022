import { useEffect, useState } from 'react';
import { matchShortcut } from '../components/shell/shortcuts';
import { copyText } from '../markdown/copyText';
import type { AppController } from '../state/AppController';
import { useController } from '../state/context';
import { lastOf, requestEdit } from '../state/messageCommands';

/**
 * The main window's shortcuts, from anywhere, even mid-typing: Ctrl/Cmd+N new chat, +K search,
 * +, settings, +Shift+C copy the last answer, +↑ edit the last question, +/ the shortcuts sheet.
 * Returns the sheet's open state.
 */
export function useShortcuts(): [boolean, (open: boolean) => void] {
  const controller = useController();
  const [sheetOpen, setSheetOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const id = matchShortcut(e);
      if (!id) return;
      e.preventDefault();
      if (id === 'shortcuts') setSheetOpen((open) => !open);
      else run(controller, id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);
  return [sheetOpen, setSheetOpen];
}

function run(controller: AppController, id: 'newChat' | 'search' | 'settings' | 'copyLast' | 'editLast' | 'stop' | 'send' | 'newLine'): void {
  const list = controller.store.getState().messages?.list;
  switch (id) {
    case 'newChat':
      controller.closeSettings();
      controller.closeSearch();
      void controller.newConversation().then(() => document.querySelector<HTMLElement>('[data-testid="composer-input"]')?.focus());
      break;
    case 'search':
      controller.openSearch();
      break;
    case 'settings':
      controller.openSettings();
      break;
    case 'copyLast': {
      const answer = lastOf(list, 'assistant');
      if (answer) void copyText(answer.content);
      break;
    }
    case 'editLast': {
      const question = lastOf(list, 'user');
      if (question) requestEdit(question.id);
      break;
    }
    default:
      break;
  }
}
