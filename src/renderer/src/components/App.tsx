import { useDocumentSettings } from '../hooks/useDocumentSettings';
import { useShortcuts } from '../hooks/useShortcuts';
import { useAppState } from '../state/context';
import { ConversationPane } from './ConversationPane';
import { EmptyState } from './EmptyState';
import { SearchDialog } from './search/SearchDialog';
import { SettingsDialog } from './settings/SettingsDialog';
import { ShortcutsSheet } from './shell/ShortcutsSheet';
import { SidebarToggle } from './shell/SidebarToggle';
import { Sidebar } from './sidebar/Sidebar';
import { setSidebarCollapsed, useSidebarCollapsed } from '../state/layout';
import { ConnectionBanner, HistoryHealthBanner, NoticeToast } from './StatusBanners';

export function App() {
  useDocumentSettings();
  const [shortcutsOpen, setShortcutsOpen] = useShortcuts();
  const ready = useAppState((s) => s.ready);
  // With no provider, history still opens (offline browsing); the empty state is for a blank pane.
  const noProviders = useAppState((s) => s.info !== null && s.providers.length === 0 && s.activeId === null);
  const settingsOpen = useAppState((s) => s.settingsOpen);
  const searchOpen = useAppState((s) => s.searchOpen);
  const sidebarCollapsed = useSidebarCollapsed();

  return (
    <div className={sidebarCollapsed ? 'app app--sidebar-collapsed' : 'app'}>
      <Sidebar />
      {/* On a narrow window the open list covers the chat; a click beside it folds it. */}
      {!sidebarCollapsed && <div className="sidebar-backdrop" aria-hidden="true" onClick={() => setSidebarCollapsed(true)} />}
      <main className="main">
        <ConnectionBanner />
        <HistoryHealthBanner />
        {!ready ? (
          <div className="pane__loading" aria-busy="true">
            <span className="spinner" />
          </div>
        ) : noProviders ? (
          <>
            <div className="main__bar">
              <SidebarToggle placement="header" />
            </div>
            <EmptyState />
          </>
        ) : (
          <ConversationPane />
        )}
      </main>
      {settingsOpen && <SettingsDialog />}
      {searchOpen && <SearchDialog />}
      {shortcutsOpen && <ShortcutsSheet onClose={() => setShortcutsOpen(false)} />}
      <NoticeToast />
    </div>
  );
}
