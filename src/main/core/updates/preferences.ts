import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The update setting, kept in a file of its own so it never races the main settings store. */
export interface UpdatePreferences {
  autoCheck(): boolean;
  setAutoCheck(enabled: boolean): void;
}

/** updates.json in the data folder; a missing or unreadable file means the default (on). */
export class FileUpdatePreferences implements UpdatePreferences {
  private enabled: boolean;

  constructor(private readonly file: string) {
    this.enabled = FileUpdatePreferences.read(file);
  }

  private static read(file: string): boolean {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { autoCheck?: unknown };
      return typeof data.autoCheck === 'boolean' ? data.autoCheck : true;
    } catch {
      return true;
    }
  }

  autoCheck(): boolean {
    return this.enabled;
  }

  setAutoCheck(enabled: boolean): void {
    this.enabled = enabled;
    mkdirSync(dirname(this.file), { recursive: true });
    const partial = `${this.file}.${process.pid}.partial`;
    writeFileSync(partial, JSON.stringify({ autoCheck: enabled }));
    renameSync(partial, this.file);
  }
}
