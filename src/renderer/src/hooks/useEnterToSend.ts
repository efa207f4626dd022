import { useRef, type KeyboardEvent } from 'react';

export interface EnterToSendHandlers {
  onKeyDown: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
  onCompositionStart: () => void;
  onCompositionEnd: () => void;
}

/**
 * Enter sends, Shift+Enter breaks the line, and neither happens while an IME is composing:
 * the Enter that confirms a candidate is not a send (Safari reports keyCode 229 after
 * compositionend). Escape (outside composition) goes to `onEscape`.
 */
export function useEnterToSend(onSend: () => void, onEscape?: () => void): EnterToSendHandlers {
  const composing = useRef(false);
  return {
    onKeyDown: (e) => {
      if (e.nativeEvent.isComposing || composing.current || e.keyCode === 229) return;
      if (e.key === 'Escape' && onEscape) {
        e.preventDefault();
        onEscape();
        return;
      }
      if (e.key !== 'Enter' || e.shiftKey || e.altKey) return;
      e.preventDefault();
      onSend();
    },
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: () => {
      composing.current = false;
    },
  };
}
