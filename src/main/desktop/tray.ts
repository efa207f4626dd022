import { Menu, nativeImage, nativeTheme, Tray } from 'electron';
import { join } from 'node:path';
import type { TrayLabels } from './trayLabels';

export interface TrayActions {
  quickAsk(): void;
  newChat(): void;
  show(): void;
  settings(): void;
  quit(): void;
}

/** The tray icon and its menu; the icon follows the panel's light or dark colour. */
export class BrookTray {
  private readonly tray: Tray;

  constructor(
    private readonly resourcesDir: string,
    private readonly actions: TrayActions,
    labels: TrayLabels,
  ) {
    this.tray = new Tray(this.icon());
    this.tray.setToolTip('Brook');
    this.tray.on('click', () => actions.show());
    nativeTheme.on('updated', () => this.tray.setImage(this.icon()));
    this.setLabels(labels);
  }

  setLabels(labels: TrayLabels): void {
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: labels.quickAsk, click: () => this.actions.quickAsk() },
        { label: labels.newChat, click: () => this.actions.newChat() },
        { label: labels.show, click: () => this.actions.show() },
        { label: labels.settings, click: () => this.actions.settings() },
        { type: 'separator' },
        { label: labels.quit, click: () => this.actions.quit() },
      ]),
    );
  }

  isDestroyed(): boolean {
    return this.tray.isDestroyed();
  }

  destroy(): void {
    this.tray.destroy();
  }

  private icon() {
    if (process.platform === 'darwin') {
      const image = nativeImage.createFromPath(join(this.resourcesDir, 'trayTemplate.png'));
      image.setTemplateImage(true);
      return image;
    }
    const file = nativeTheme.shouldUseDarkColors ? 'tray-light.png' : 'tray-dark.png';
    return nativeImage.createFromPath(join(this.resourcesDir, file)).resize({ width: 16, height: 16 });
  }
}
