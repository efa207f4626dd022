import type { BackupInfo } from '../../../shared/domain';
import type { RendererClient } from '../client/types';

/** Settings → Data's backups: made, listed and restored by the core. */
export class BackupController {
  constructor(private readonly client: RendererClient) {}

  backupNow(): Promise<BackupInfo> {
    return this.client.request('history.backup', {});
  }

  list(): Promise<BackupInfo[]> {
    return this.client.request('history.backups', {});
  }

  /** The core announces the restore to every window (`history.restored`), this one included. */
  async restore(name: string): Promise<void> {
    await this.client.request('history.restore', { name });
  }
}
