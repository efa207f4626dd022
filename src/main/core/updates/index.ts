/**
 * updates: the auto-update state machine (UpdateService) behind the UpdateEngine interface,
 * the setting (check on start and every few hours), and FeedUpdateEngine, which reads an
 * electron-builder feed (latest.yml, latest-mac.yml, latest-linux.yml) over HTTP and verifies
 * each download's sha512. The Electron shell supplies an engine over electron-updater; browser
 * mode has none (`unsupportedEngine('browser')`). Uses base, net and settings; never electron.
 */
export { type AvailableUpdate, type DownloadProgress, type UpdateEngine, UpdateFailure, updateErrorCode } from './engine';
export { channelFile, FeedUpdateEngine, type FeedUpdateEngineOptions } from './feedEngine';
export { FileUpdatePreferences, type UpdatePreferences } from './preferences';
export { HOUR_MS, UpdateService, type UpdateServiceOptions } from './UpdateService';
export { unsupportedEngine } from './unsupported';
