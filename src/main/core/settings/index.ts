/**
 * settings: the stored settings and provider records (electron-store or conf), the secret
 * store for keys, and ProviderService, which joins a provider record with its secrets into a
 * working Provider. Uses base, net and providers.
 */
export { ProviderService, type ResolvedProvider } from './ProviderService';
export { FileSecretStore, rememberingSecrets, type SecretStore } from './secrets';
export {
  defaultSettings,
  defaultState,
  SettingsRepository,
  type ProviderRecord,
  type SettingsBackend,
  type StoredState,
} from './settingsState';
