import type { AppErrorData } from '../../../shared/errors';
import type {
  AppInfo,
  Assistant,
  Conversation,
  DesktopStatus,
  LocalServicesStatus,
  Message,
  ProviderView,
  Settings,
  WebSearchKeyStatus,
  HistoryHealth,
} from '../../../shared/domain';
import type { ConnectionState } from '../client/types';
import type { ModelChoice } from './modelChoice';

export interface MessagesState {
  conversationId: string;
  list: readonly Message[];
  /** The branch goes on above `list` (a long conversation opens with its newest messages). */
  hasOlder?: boolean;
}

export interface AppState {
  /** The first load finished (successfully or not). */
  ready: boolean;
  connection: ConnectionState;
  info: AppInfo | null;
  settings: Settings | null;
  /** Tray and global shortcut, as the desktop shell reports them (unavailable in browser mode). */
  desktop: DesktopStatus | null;
  providers: readonly ProviderView[];
  conversations: readonly Conversation[];
  activeId: string | null;
  /** The conversation this window created last: text typed while it was on its way belongs to it. */
  createdId: string | null;
  /** The model picked for the next conversation before it exists (quick ask); null: the defaults. */
  newChatModel: ModelChoice | null;
  /** The web-search switch for the next conversation before it exists; null: the default in settings. */
  newChatWebSearch: boolean | null;
  /** Which web-search keys are saved (never the keys). */
  webSearchKeys: WebSearchKeyStatus;
  /** Messages of the active conversation only; other conversations load when opened. */
  messages: MessagesState | null;
  /** Conversations with a live stream, as heard from stream events. */
  streamingIds: ReadonlySet<string>;
  /** Models each provider reported in a connection test, for the pickers. */
  modelCatalog: Readonly<Record<string, readonly string[]>>;
  settingsOpen: boolean;
  /** The live feed and local API, loaded when settings open and kept current by events. */
  local: LocalServicesStatus | null;
  /** Saved prompts (main window only). */
  assistants: readonly Assistant[];
  /** The saved prompt the next new conversation starts with; null: none. */
  newChatAssistantId: string | null;
  /** The conversation just deleted, while Undo is still offered. */
  pendingDelete: Conversation | null;
  /** The Ctrl/Cmd+K search dialog. */
  searchOpen: boolean;
  /** A message to scroll to and highlight (opened from a search hit); seq repeats the jump. */
  focus: { conversationId: string; messageId: string; seq: number } | null;
  /** What the startup integrity check found; a banner says so when it is not `ok`. */
  health: HistoryHealth | null;
  /** A failure not tied to a form (loading, renaming, deleting…), shown as a dismissible toast. */
  notice: AppErrorData | null;
}

export const initialState: AppState = {
  ready: false,
  connection: 'connecting',
  info: null,
  settings: null,
  desktop: null,
  providers: [],
  conversations: [],
  activeId: null,
  createdId: null,
  newChatModel: null,
  newChatWebSearch: null,
  webSearchKeys: { tavily: false, brave: false },
  messages: null,
  streamingIds: new Set(),
  modelCatalog: {},
  settingsOpen: false,
  local: null,
  assistants: [],
  newChatAssistantId: null,
  pendingDelete: null,
  searchOpen: false,
  focus: null,
  health: null,
  notice: null,
};

type Listener = () => void;

/** A minimal external store for useSyncExternalStore: immutable snapshots, shallow patches. */
export class Store<S extends object> {
  private state: S;
  private readonly listeners = new Set<Listener>();

  constructor(initial: S) {
    this.state = initial;
  }

  readonly getState = (): S => this.state;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  setState(patch: Partial<S> | ((state: S) => Partial<S>)): void {
    const changes = typeof patch === 'function' ? patch(this.state) : patch;
    this.state = { ...this.state, ...changes };
    for (const listener of [...this.listeners]) listener();
  }
}

export type AppStore = Store<AppState>;
