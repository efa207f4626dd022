import { app } from 'electron';
import electronUpdater, { type ProgressInfo, type UpdateInfo } from 'electron-updater';
import { type AvailableUpdate, type DownloadProgress, type UpdateEngine, unsupportedEngine } from './core';
import type { UpdateUnsupportedReason } from '../shared/contract';

/**
 * The Electron adapter of the core's UpdateEngine: electron-updater, reading the GitHub
 * Releases feed that electron-builder's `publish` wrote into app-update.yml. It checks,
 * downloads (verifying the sha512, and on Windows the publisher's signature) and installs; the
 * core's UpdateService decides when. electron-updater's own automatic behaviour is off.
 */

/** Why this copy cannot update itself, or null. */
function unsupportedReason(): UpdateUnsupportedReason | null {
  if (!app.isPackaged) return 'development';
  // electron-builder's portable .exe sets this; it has no installer to run.
  if (process.platform === 'win32' && process.env.PORTABLE_EXECUTABLE_DIR) return 'portable';
  // deb and rpm installs are updated by the system's package manager; only an AppImage replaces itself.
  if (process.platform === 'linux' && !process.env.APPIMAGE) return 'packageManager';
  return null;
}

function notesText(notes: UpdateInfo['releaseNotes']): string | null {
  if (!notes) return null;
  if (typeof notes === 'string') return notes;
  return notes.map((entry) => `${entry.version}\n${entry.note ?? ''}`).join('\n\n');
}

export function createElectronUpdateEngine(log: (message: string) => void): UpdateEngine {
  const reason = unsupportedReason();
  // electron-updater is not even touched where it cannot apply (a dev run, the e2e tests).
  if (reason) return unsupportedEngine(reason);
  const { autoUpdater, CancellationToken } = electronUpdater;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.logger = { info: () => {}, warn: log, error: log, debug: () => {} };
  // An EventEmitter 'error' without a listener throws: failures reach the core as rejections instead.
  autoUpdater.on('error', () => {});

  return {
    unsupportedReason: null,
    async check(): Promise<AvailableUpdate | null> {
      const result = await autoUpdater.checkForUpdates();
      if (!result?.isUpdateAvailable) return null;
      const { version, releaseNotes, releaseDate } = result.updateInfo;
      return { version, releaseNotes: notesText(releaseNotes), releaseDate: releaseDate ?? null };
    },
    async download(_update, onProgress: (progress: DownloadProgress) => void, signal: AbortSignal): Promise<void> {
      const token = new CancellationToken();
      const cancel = () => token.cancel();
      const progress = (info: ProgressInfo) => onProgress({ transferred: info.transferred, total: info.total });
      signal.addEventListener('abort', cancel, { once: true });
      autoUpdater.on('download-progress', progress);
      try {
        await autoUpdater.downloadUpdate(token);
      } finally {
        autoUpdater.off('download-progress', progress);
        signal.removeEventListener('abort', cancel);
      }
    },
    installNow(): void {
      // After the reply to "Restart to update" has left: quitting closes the window.
      setTimeout(() => autoUpdater.quitAndInstall(false, true), 100);
    },
    installOnQuit(): void {
      autoUpdater.autoInstallOnAppQuit = true;
    },
  };
}
