import { useEffect } from 'react';
import { useController } from '../state/context';

/** Ctrl+K (Cmd+K on macOS) opens history search from anywhere in the main window, even mid-typing. */
export function useSearchShortcut(): void {
  const controller = useController();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'k' || e.altKey || e.shiftKey || !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      controller.openSearch();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);
}
