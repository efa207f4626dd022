import { useDocumentSettings } from '../hooks/useDocumentSettings';
import { useAppState } from '../state/context';
import { ConversationPane } from './ConversationPane';
import { EmptyState } from './EmptyState';
import { SettingsDialog } from './settings/SettingsDialog';
import { Sidebar } from './sidebar/Sidebar';
import { ConnectionBanner, NoticeToast } from './StatusBanners';

export function App() {
  useDocumentSettings();
  const ready = useAppState((s) => s.ready);
  const noProviders = useAppState((s) => s.info !== null && s.providers.length === 0);
  const settingsOpen = useAppState((s) => s.settingsOpen);

  return (
    <div className="app">
      <Sidebar />
      <main className="main">
        <ConnectionBanner />
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
      <NoticeToast />
    </div>
  );
}
