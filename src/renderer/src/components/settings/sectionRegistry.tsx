import type { ComponentType } from 'react';
import type { SettingsSectionId } from '../../state/settingsSections';
import { AssistantsSection } from './AssistantsSection';
import { BackupSection } from './BackupSection';
import { DataSection } from './DataSection';
import { GeneralSettings } from './GeneralSettings';
import { LocalServicesSettings } from './LocalServicesSettings';
import { ProvidersSection } from './ProvidersSection';
import { QuickAskSettings } from './QuickAskSettings';
import { SyncSettings } from '../sync/SyncSettings';
import { McpServersPanel } from '../tools/McpServersPanel';
import { ToolCallSettingsPanel } from '../tools/ToolCallSettingsPanel';
import { UpdatesPanel } from './UpdatesPanel';
import { WebSearchSettings } from './WebSearchSettings';

export interface SettingsSection {
  id: SettingsSectionId;
  /** i18n key of its name in the side list. */
  labelKey: string;
  /** Self-contained panels, shown one under the other; each brings its own heading. */
  panels: readonly ComponentType[];
}

/**
 * The settings page, in side-list order. Adding a panel is one line: put its component in
 * the `panels` of its section (an updates panel under General, sync under Data…). A section
 * with no panels is not shown, so Tools appears once there is a tool-server panel to show.
 */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: 'general', labelKey: 'settingsPage.general', panels: [GeneralSettings, UpdatesPanel] },
  { id: 'providers', labelKey: 'settingsPage.providers', panels: [ProvidersSection] },
  { id: 'webSearch', labelKey: 'settingsPage.webSearch', panels: [WebSearchSettings] },
  { id: 'tools', labelKey: 'settingsPage.tools', panels: [McpServersPanel, ToolCallSettingsPanel] },
  { id: 'quickAsk', labelKey: 'settingsPage.quickAsk', panels: [QuickAskSettings] },
  { id: 'local', labelKey: 'settingsPage.local', panels: [LocalServicesSettings] },
  { id: 'assistants', labelKey: 'settingsPage.assistants', panels: [AssistantsSection] },
  { id: 'data', labelKey: 'settingsPage.data', panels: [DataSection, BackupSection] },
  { id: 'sync', labelKey: 'settingsPage.sync', panels: [SyncSettings] },
];

/** The sections that have something to show. */
export function visibleSections(): readonly SettingsSection[] {
  return SETTINGS_SECTIONS.filter((s) => s.panels.length > 0);
}

/** The asked-for section if it is shown, else the first one shown. */
export function sectionOrFirst(id: SettingsSectionId): SettingsSection {
  const shown = visibleSections();
  return shown.find((s) => s.id === id) ?? shown[0]!;
}
