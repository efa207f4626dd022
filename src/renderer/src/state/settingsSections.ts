import type { AppErrorData } from '../../../shared/errors';

/**
 * The sections of the settings page, by id. The page's registry
 * (`components/settings/sectionRegistry.tsx`) says what each shows; this list is here so
 * deep links from anywhere (an error, the empty state) are type-checked without importing
 * the components. A new section adds its id here and one line to the registry.
 */
export const SETTINGS_SECTION_IDS = [
  'general',
  'providers',
  'webSearch',
  'tools',
  'quickAsk',
  'local',
  'assistants',
  'data',
  'sync',
] as const;

export type SettingsSectionId = (typeof SETTINGS_SECTION_IDS)[number];

/**
 * The i18n key of a section's name, the one its entry in the registry uses: links drawn outside
 * settings name a section through this, without loading the registry and its forms.
 */
export function settingsSectionLabelKey(id: SettingsSectionId): string {
  return `settingsPage.${id}`;
}

/** Where settings open when nothing asks for a section: the first thing a new user needs. */
export const FIRST_SETTINGS_SECTION: SettingsSectionId = 'providers';

/** Errors whose fix is in one section of settings, by message key (checked before the code). */
const SECTION_BY_KEY: Readonly<Record<string, SettingsSectionId | null>> = {
  // Fixed under the chat's Parameters, not in settings.
  'errors.paramOutOfRange': null,
  'errors.noProvider': 'providers',
  'errors.noModel': 'providers',
  'errors.reenterKey': 'providers',
  'errors.badUrl': 'providers',
  'errors.notOpenAICompatible': 'providers',
  'errors.unreachable': 'providers',
  'errors.searchUrlMissing': 'webSearch',
  'errors.searchKeyMissing': 'webSearch',
  'errors.searxngJsonDisabled': 'webSearch',
  'errors.nativeSearchUnsupported': 'webSearch',
  'errors.sparkLiteNoSearch': 'webSearch',
  'errors.pagePrivateAddress': 'webSearch',
  'errors.portInUse': 'local',
};

const SECTION_BY_CODE: Partial<Record<AppErrorData['code'], SettingsSectionId>> = {
  auth: 'providers',
  not_found: 'providers',
  bad_request: 'providers',
};

/** The section that holds the fix for this error, or null when settings cannot help. */
export function settingsSectionForError(error: Pick<AppErrorData, 'code' | 'messageKey'>): SettingsSectionId | null {
  const byKey = SECTION_BY_KEY[error.messageKey];
  return byKey !== undefined ? byKey : (SECTION_BY_CODE[error.code] ?? null);
}
