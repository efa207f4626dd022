/**
 * The UI text, one JSON file per top-level section and language (`en/<section>.json`,
 * `zh-CN/<section>.json`), assembled here so every key keeps its name (`sidebar.newChat`). A new
 * section adds its two files and one line per language below; a unit test checks both
 * languages have exactly the same keys.
 */
import enCommon from './en/common.json';
import enSidebar from './en/sidebar.json';
import enConversation from './en/conversation.json';
import enParams from './en/params.json';
import enComposer from './en/composer.json';
import enMessage from './en/message.json';
import enMarkdown from './en/markdown.json';
import enQuick from './en/quick.json';
import enEmpty from './en/empty.json';
import enSettings from './en/settings.json';
import enProvider from './en/provider.json';
import enConnection from './en/connection.json';
import enLocal from './en/local.json';
import enErrors from './en/errors.json';
import enBranch from './en/branch.json';
import enAssistants from './en/assistants.json';
import enTransfer from './en/transfer.json';
import enWebSearch from './en/webSearch.json';
import enToolCalls from './en/toolCalls.json';
import enSearch from './en/search.json';
import enBackup from './en/backup.json';
import enUpdates from './en/updates.json';
import enSync from './en/sync.json';
import enCustomEndpoint from './en/customEndpoint.json';
import enSettingsPage from './en/settingsPage.json';
import enModels from './en/models.json';
import enWebSearchGate from './en/webSearchGate.json';
import enMessageDelete from './en/messageDelete.json';
import enPresets from './en/presets.json';
import enShell from './en/shell.json';
import enImported from './en/imported.json';
import enModelPicker from './en/modelPicker.json';
import enDateInput from './en/dateInput.json';
import enMcp from './en/mcp.json';
import enAttachments from './en/attachments.json';
import enAttachmentErrors from './en/attachmentErrors.json';
import zhCommon from './zh-CN/common.json';
import zhSidebar from './zh-CN/sidebar.json';
import zhConversation from './zh-CN/conversation.json';
import zhParams from './zh-CN/params.json';
import zhComposer from './zh-CN/composer.json';
import zhMessage from './zh-CN/message.json';
import zhMarkdown from './zh-CN/markdown.json';
import zhQuick from './zh-CN/quick.json';
import zhEmpty from './zh-CN/empty.json';
import zhSettings from './zh-CN/settings.json';
import zhProvider from './zh-CN/provider.json';
import zhConnection from './zh-CN/connection.json';
import zhLocal from './zh-CN/local.json';
import zhErrors from './zh-CN/errors.json';
import zhBranch from './zh-CN/branch.json';
import zhAssistants from './zh-CN/assistants.json';
import zhTransfer from './zh-CN/transfer.json';
import zhWebSearch from './zh-CN/webSearch.json';
import zhToolCalls from './zh-CN/toolCalls.json';
import zhSearch from './zh-CN/search.json';
import zhBackup from './zh-CN/backup.json';
import zhUpdates from './zh-CN/updates.json';
import zhSync from './zh-CN/sync.json';
import zhCustomEndpoint from './zh-CN/customEndpoint.json';
import zhSettingsPage from './zh-CN/settingsPage.json';
import zhModels from './zh-CN/models.json';
import zhWebSearchGate from './zh-CN/webSearchGate.json';
import zhMessageDelete from './zh-CN/messageDelete.json';
import zhPresets from './zh-CN/presets.json';
import zhShell from './zh-CN/shell.json';
import zhImported from './zh-CN/imported.json';
import zhModelPicker from './zh-CN/modelPicker.json';
import zhDateInput from './zh-CN/dateInput.json';
import zhMcp from './zh-CN/mcp.json';
import zhAttachments from './zh-CN/attachments.json';
import zhAttachmentErrors from './zh-CN/attachmentErrors.json';

export const en = {
  common: enCommon,
  sidebar: enSidebar,
  conversation: enConversation,
  params: enParams,
  composer: enComposer,
  message: enMessage,
  markdown: enMarkdown,
  quick: enQuick,
  empty: enEmpty,
  settings: enSettings,
  provider: enProvider,
  connection: enConnection,
  local: enLocal,
  errors: enErrors,
  branch: enBranch,
  assistants: enAssistants,
  transfer: enTransfer,
  webSearch: enWebSearch,
  toolCalls: enToolCalls,
  search: enSearch,
  backup: enBackup,
  updates: enUpdates,
  sync: enSync,
  customEndpoint: enCustomEndpoint,
  settingsPage: enSettingsPage,
  models: enModels,
  webSearchGate: enWebSearchGate,
  messageDelete: enMessageDelete,
  presets: enPresets,
  shell: enShell,
  imported: enImported,
  modelPicker: enModelPicker,
  dateInput: enDateInput,
  mcp: enMcp,
  attachments: enAttachments,
  attachmentErrors: enAttachmentErrors,
};

export const zhCN = {
  common: zhCommon,
  sidebar: zhSidebar,
  conversation: zhConversation,
  params: zhParams,
  composer: zhComposer,
  message: zhMessage,
  markdown: zhMarkdown,
  quick: zhQuick,
  empty: zhEmpty,
  settings: zhSettings,
  provider: zhProvider,
  connection: zhConnection,
  local: zhLocal,
  errors: zhErrors,
  branch: zhBranch,
  assistants: zhAssistants,
  transfer: zhTransfer,
  webSearch: zhWebSearch,
  toolCalls: zhToolCalls,
  search: zhSearch,
  backup: zhBackup,
  updates: zhUpdates,
  sync: zhSync,
  customEndpoint: zhCustomEndpoint,
  settingsPage: zhSettingsPage,
  models: zhModels,
  webSearchGate: zhWebSearchGate,
  messageDelete: zhMessageDelete,
  presets: zhPresets,
  shell: zhShell,
  imported: zhImported,
  modelPicker: zhModelPicker,
  dateInput: zhDateInput,
  mcp: zhMcp,
  attachments: zhAttachments,
  attachmentErrors: zhAttachmentErrors,
};

export type UiText = typeof en;

/** Both languages, for i18next and for the core's own error sentences. */
export const TEXTS: { en: UiText; 'zh-CN': typeof zhCN } = { en, 'zh-CN': zhCN };
