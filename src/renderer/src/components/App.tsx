import { useDocumentSettings } from '../hooks/useDocumentSettings';
import { useSearchShortcut } from '../hooks/useSearchShortcut';
import { useAppState } from '../state/context';
import { ConversationPane } from './ConversationPane';
import { EmptyState } from './EmptyState';
import { SearchDialog } from './search/SearchDialog';
import { SettingsDialog } from './settings/SettingsDialog';
import { Sidebar } from './sidebar/Sidebar';
import { ConnectionBanner, HistoryHealthBanner, NoticeToast } from './StatusBanners';

export function App() {
  useDocumentSettings();
  useSearchShortcut();
  const ready = useAppState((s) => s.ready);
  // With no provider, history still opens (offline browsing); the empty state is for a blank pane.
  const noProviders = useAppState((s) => s.info !== null && s.providers.length === 0 && s.activeId === null);
  const settingsOpen = useAppState((s) => s.settingsOpen);
  const searchOpen = useAppState((s) => s.searchOpen);

  return (
    <div className="app">
      <Sidebar />
      <main className="main">
        <ConnectionBanner />
        <HistoryHealthBanner />
        {!ready ? (
          <div className="pane__loading" aria-busy="true">
            <span className="spinner" />
          </div>
        ) : noProviders ? (
          <EmptyState />
        ) : (
          <ConversationPane />
        )}
      </main>
      {settingsOpen && <SettingsDialog />}
      {searchOpen && <SearchDialog />}
      <NoticeToast />
    </div>
  );
}
