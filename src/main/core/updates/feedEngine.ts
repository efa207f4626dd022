import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { load } from 'js-yaml';
import semver from 'semver';
import type { UpdateUnsupportedReason } from '../../../shared/contract/updates';
import { type AvailableUpdate, type DownloadProgress, type UpdateEngine, UpdateFailure, updateErrorCode } from './engine';

/** One entry of `files:` in latest.yml as electron-builder writes it (sha512 in base64). */
interface FeedFile {
  url: string;
  sha512: string;
  size?: number;
}

interface FeedRelease extends AvailableUpdate {
  file: FeedFile;
}

export interface FeedUpdateEngineOptions {
  /** The folder holding latest.yml / latest-mac.yml / latest-linux.yml and the files they name. */
  feedUrl: string;
  currentVersion: string;
  /** Where a verified download is kept until it is installed. */
  cacheDir: string;
  platform?: NodeJS.Platform;
  arch?: string;
  fetch?: typeof fetch;
  /** How long a check may take before the server counts as unreachable. */
  checkTimeoutMs?: number;
  /** Hands the verified file to whatever applies it (now, or when Brook quits). */
  apply: (file: string, when: 'now' | 'onQuit') => void;
  unsupportedReason?: UpdateUnsupportedReason | null;
}

/** electron-builder's channel file for a platform: latest.yml (Windows), latest-mac.yml, latest-linux[-arm64].yml. */
export function channelFile(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'darwin') return 'latest-mac.yml';
  if (platform === 'linux') return arch === 'x64' ? 'latest-linux.yml' : `latest-linux-${arch}.yml`;
  return 'latest.yml';
}

/** The file this machine installs: the ZIP for its arch on macOS, the installer on Windows, the AppImage on Linux. */
function pickFile(files: FeedFile[], platform: NodeJS.Platform, arch: string): FeedFile | undefined {
  const wanted = platform === 'darwin' ? /\.zip$/i : platform === 'linux' ? /\.AppImage$/i : /\.exe$/i;
  const candidates = files.filter((f) => wanted.test(f.url));
  const otherArch = arch === 'arm64' ? /x64|x86_64|amd64/i : /arm64|aarch64/i;
  return candidates.find((f) => !otherArch.test(f.url)) ?? candidates[0];
}

function parseRelease(text: string, platform: NodeJS.Platform, arch: string): FeedRelease {
  let doc: unknown;
  try {
    doc = load(text);
  } catch (error) {
    throw new UpdateFailure('corrupt', `the update feed is not valid YAML: ${(error as Error).message}`);
  }
  const data = (doc ?? {}) as { version?: unknown; files?: unknown; releaseNotes?: unknown; releaseDate?: unknown };
  const files = Array.isArray(data.files) ? (data.files as FeedFile[]).filter((f) => typeof f?.url === 'string' && typeof f?.sha512 === 'string') : [];
  const file = pickFile(files, platform, arch);
  if (typeof data.version !== 'string' || !semver.valid(data.version) || !file) {
    throw new UpdateFailure('corrupt', 'the update feed names no version or no file for this platform');
  }
  const notes = typeof data.releaseNotes === 'string' ? data.releaseNotes : null;
  const date = typeof data.releaseDate === 'string' ? data.releaseDate : null;
  return { version: data.version, releaseNotes: notes, releaseDate: date, file };
}

/**
 * Reads an electron-builder update feed over HTTP: the channel file, then the file it names,
 * verified against its sha512 before anything may install it. A generic feed (any static
 * server) is what it speaks; the Electron shell uses electron-updater for GitHub Releases.
 */
export class FeedUpdateEngine implements UpdateEngine {
  readonly unsupportedReason: UpdateUnsupportedReason | null;
  private readonly platform: NodeJS.Platform;
  private readonly arch: string;
  private readonly fetch: typeof fetch;
  private release: FeedRelease | null = null;
  private downloaded: string | null = null;

  constructor(private readonly options: FeedUpdateEngineOptions) {
    this.unsupportedReason = options.unsupportedReason ?? null;
    this.platform = options.platform ?? process.platform;
    this.arch = options.arch ?? process.arch;
    this.fetch = options.fetch ?? fetch;
  }

  private url(name: string): string {
    return new URL(name, this.options.feedUrl.endsWith('/') ? this.options.feedUrl : `${this.options.feedUrl}/`).href;
  }

  private async get(url: string, signal: AbortSignal): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetch(url, { signal, redirect: 'follow' });
    } catch (error) {
      if (signal.aborted && !(signal.reason instanceof DOMException && signal.reason.name === 'TimeoutError')) throw error;
      throw new UpdateFailure('unreachable', `${url}: ${(error as Error).message}`);
    }
    if (response.status === 404) throw new UpdateFailure('notFound', `${url}: 404`);
    if (!response.ok) throw new UpdateFailure(response.status >= 500 ? 'unreachable' : 'unknown', `${url}: HTTP ${response.status}`);
    return response;
  }

  async check(signal: AbortSignal): Promise<AvailableUpdate | null> {
    const timed = AbortSignal.any([signal, AbortSignal.timeout(this.options.checkTimeoutMs ?? 30_000)]);
    const response = await this.get(this.url(channelFile(this.platform, this.arch)), timed);
    const release = parseRelease(await response.text(), this.platform, this.arch);
    if (!semver.gt(release.version, this.options.currentVersion)) return null;
    this.release = release;
    const { version, releaseNotes, releaseDate } = release;
    return { version, releaseNotes, releaseDate };
  }

  async download(update: AvailableUpdate, onProgress: (progress: DownloadProgress) => void, signal: AbortSignal): Promise<void> {
    const release = this.release;
    if (!release || release.version !== update.version) throw new UpdateFailure('unknown', 'download asked before a check found this version');
    await mkdir(this.options.cacheDir, { recursive: true });
    const name = basename(new URL(release.file.url, 'http://x/').pathname);
    const target = join(this.options.cacheDir, name);
    const partial = `${target}.partial`;
    try {
      const digest = await this.save(this.url(release.file.url), partial, release.file.size, onProgress, signal);
      if (digest !== release.file.sha512) {
        throw new UpdateFailure('corrupt', `sha512 checksum mismatch for ${name}: expected ${release.file.sha512}, got ${digest}`);
      }
      await rename(partial, target);
      this.downloaded = target;
    } catch (error) {
      await rm(partial, { force: true });
      throw error instanceof UpdateFailure || signal.aborted ? error : new UpdateFailure(updateErrorCode(error), (error as Error).message);
    }
  }

  /** Streams the file to disk while hashing it; returns the sha512 in base64. */
  private async save(url: string, file: string, size: number | undefined, onProgress: (p: DownloadProgress) => void, signal: AbortSignal): Promise<string> {
    const response = await this.get(url, signal);
    const total = Number(response.headers.get('content-length')) || size || 0;
    const hash = createHash('sha512');
    const out = createWriteStream(file);
    let transferred = 0;
    try {
      for await (const chunk of response.body ?? []) {
        const bytes = chunk as Uint8Array;
        hash.update(bytes);
        transferred += bytes.byteLength;
        if (!out.write(bytes)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        onProgress({ transferred, total: Math.max(total, transferred) });
      }
    } finally {
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    }
    return hash.digest('base64');
  }

  installNow(): void {
    if (this.downloaded) this.options.apply(this.downloaded, 'now');
  }

  installOnQuit(): void {
    if (this.downloaded) this.options.apply(this.downloaded, 'onQuit');
  }
}
