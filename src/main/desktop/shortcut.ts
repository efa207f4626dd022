import { globalShortcut } from 'electron';

/** Registers one global shortcut, replacing the previous one; reports whether the OS accepted it. */
export class ShortcutRegistration {
  private current: string | null = null;
  private registered = false;

  constructor(private readonly onPress: () => void) {}

  apply(accelerator: string): { accelerator: string; registered: boolean } {
    if (accelerator === this.current && this.registered) return { accelerator, registered: true };
    if (this.current && this.registered) globalShortcut.unregister(this.current);
    this.current = accelerator;
    try {
      // false when another application already owns it; throws on syntax Electron rejects.
      this.registered = globalShortcut.register(accelerator, this.onPress);
    } catch {
      this.registered = false;
    }
    return { accelerator, registered: this.registered };
  }

  state(): { accelerator: string; registered: boolean } | null {
    return this.current ? { accelerator: this.current, registered: this.registered } : null;
  }

  dispose(): void {
    if (this.current && this.registered) globalShortcut.unregister(this.current);
    this.registered = false;
  }
}
