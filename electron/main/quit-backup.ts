import { QUIT_BACKUP_REQUEST, type QuitBackupSignal } from '../../shared/bridge/contract';

/** Long enough for a large book's backup on a slow PC; a page that hangs still lets the window close. */
export const QUIT_BACKUP_TIMEOUT_MS = 2 * 60 * 1000;

interface ClosingWindow {
  on(event: 'close', listener: (event: { preventDefault: () => void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
  webContents: { send(channel: string): void };
}

/**
 * Holds the window open when it is closed until the page has made its last automatic backup (or
 * the time runs out), then lets it close. Only once the page has armed the wait: a page that never
 * loaded, or runs without a backup folder, closes at once.
 */
export class QuitBackup {
  private armed = false;
  private state: 'open' | 'waiting' | 'closing' = 'open';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly window: ClosingWindow,
    private readonly timeoutMs = QUIT_BACKUP_TIMEOUT_MS,
  ) {
    window.on('close', (event) => {
      if (!this.armed || this.state === 'closing') return;
      event.preventDefault();
      if (this.state === 'waiting') return;
      this.state = 'waiting';
      window.webContents.send(QUIT_BACKUP_REQUEST);
      this.timer = setTimeout(() => this.finish(), this.timeoutMs);
    });
  }

  signal(signal: QuitBackupSignal): void {
    if (signal === 'armed') this.armed = true;
    else if (this.state === 'waiting') this.finish();
  }

  private finish(): void {
    clearTimeout(this.timer);
    this.state = 'closing';
    if (!this.window.isDestroyed()) this.window.close();
  }
}
