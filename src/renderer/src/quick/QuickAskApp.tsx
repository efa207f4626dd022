import { useEffect, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DropZone } from '../components/attachments/DropZone';
import { ConnectionBanner, NoticeToast } from '../components/StatusBanners';
import { useComposerAttachments } from '../hooks/useComposerAttachments';
import { useFileDrop } from '../hooks/useFileDrop';
import { useDocumentSettings } from '../hooks/useDocumentSettings';
import { useAppState, useController } from '../state/context';
import { paneContent, paneStreaming } from '../state/paneSelectors';
import { QuickActions } from './QuickActions';
import { QuickInput } from './QuickInput';
import { loadAtFirstPaint, loadWhenReady } from './quickParts';
import { QuickThread } from './QuickThread';
import { QuickTopBar } from './QuickTopBar';

/**
 * The quick-ask window: one question box, the answer streaming below it with the main
 * window's rendering, follow-ups in the same conversation, and the hand-over to Brook.
 * Built for a small frameless window: the top strip is the drag handle. While an answer
 * streams only the thread re-renders: this component selects values a delta cannot change
 * (see paneSelectors), as its top bar, actions and question box do.
 */
export function QuickAskApp() {
  const { t } = useTranslation();
  useDocumentSettings();
  const controller = useController();
  const ready = useAppState((s) => s.ready);
  const noProviders = useAppState((s) => s.info !== null && s.providers.length === 0);
  const activeId = useAppState((s) => s.activeId);
  const shown = useAppState(paneContent);
  const streaming = useAppState(paneStreaming);
  const attachments = useComposerAttachments(activeId ?? '');
  const drop = useFileDrop(attachments.add);

  // Before the first frame is painted: only a fetch starts, the chunk runs when it comes.
  useLayoutEffect(loadAtFirstPaint, []);
  useEffect(() => {
    if (ready) loadWhenReady();
  }, [ready]);

  // Esc anywhere hides the window (the question box handles its own Esc first).
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !e.isComposing) void controller.desktop.hideQuickAsk();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [controller]);

  return (
    <div className="quick file-drop-target" data-testid="quick-root" {...drop.handlers}>
      <QuickTopBar />
      <ConnectionBanner />
      {!ready ? (
        <div className="pane__loading" aria-busy="true">
          <span className="spinner" />
        </div>
      ) : noProviders ? (
        <div className="quick-empty" data-testid="quick-no-provider">
          <p>{t('quick.noProvider')}</p>
        </div>
      ) : (
        <QuickThread activeId={activeId} shown={shown} streaming={streaming} />
      )}
      {activeId !== null && shown === 'messages' && <QuickActions conversationId={activeId} />}
      <QuickInput conversationId={activeId} streaming={streaming} ready={ready} noProviders={noProviders} attachments={attachments} />
      <NoticeToast />
      {drop.dragging && <DropZone limitsText={attachments.limitsText} />}
    </div>
  );
}
