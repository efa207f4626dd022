import { useDocumentSettings } from '../hooks/useDocumentSettings';
import { useShortcuts } from '../hooks/useShortcuts';
import { useAppState } from '../state/context';
import { Suspense, useEffect } from 'react';
import { EmptyState } from './EmptyState';
import { ConversationPane, preloadViews, SearchDialog, SettingsDialog, ShortcutsSheet } from './lazyViews';
import { SidebarToggle } from './shell/SidebarToggle';
import { Sidebar } from './sidebar/Sidebar';
import { setSidebarCollapsed, useSidebarCollapsed } from '../state/layout';
import { ConnectionBanner, HistoryHealthBanner, NoticeToast } from './StatusBanners';

const loading = (
  <div className="pane__loading" aria-busy="true">
    <span className="spinner" />
  </div>
);

export function App() {
  useDocumentSettings();
  const [shortcutsOpen, setShortcutsOpen] = useShortcuts();
  const ready = useAppState((s) => s.ready);
  // With no provider, history still opens (offline browsing); the empty state is for a blank pane.
  const noProviders = useAppState((s) => s.info !== null && s.providers.length === 0 && s.activeId === null);
  const settingsOpen = useAppState((s) => s.settingsOpen);
  const searchOpen = useAppState((s) => s.searchOpen);
  const sidebarCollapsed = useSidebarCollapsed();
  useEffect(() => {
    if (ready) preloadViews();
  }, [ready]);

  return (
    <div className={sidebarCollapsed ? 'app app--sidebar-collapsed' : 'app'}>
      <Sidebar />
      {/* On a narrow window the open list covers the chat; a click beside it folds it. */}
      {!sidebarCollapsed && <div className="sidebar-backdrop" aria-hidden="true" onClick={() => setSidebarCollapsed(true)} />}
      <main className="main">
        <ConnectionBanner />
        <HistoryHealthBanner />
        {!ready ? (
          loading
        ) : noProviders ? (
          <>
            <div className="main__bar">
              <SidebarToggle placement="header" />
            </div>
            <EmptyState />
          </>
        ) : (
          <Suspense fallback={loading}>
            <ConversationPane />
          </Suspense>
        )}
      </main>
      {/* A dialog still loading shows nothing for that moment rather than a second spinner. */}
      <Suspense fallback={null}>
        {settingsOpen && <SettingsDialog />}
        {searchOpen && <SearchDialog />}
        {shortcutsOpen && <ShortcutsSheet onClose={() => setShortcutsOpen(false)} />}
      </Suspense>
      <NoticeToast />
    </div>
  );
}
