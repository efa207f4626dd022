import { listPackage, statFile } from '@electron/asar';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AsyncTaskManager } from 'builder-util';
import { Arch, LinuxPackager, Packager, Platform, AppInfo } from 'app-builder-lib';
import type { Configuration } from 'app-builder-lib';
import { createElectronFrameworkSupport } from 'app-builder-lib/out/electron/ElectronFramework';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The parts of electron-builder's Packager that `build()` fills in and the pack step reads. */
interface PackagerInternals {
  _appInfo: AppInfo;
  _framework: Awaited<ReturnType<typeof createElectronFrameworkSupport>>;
}

type FileMatchersOptions = ReturnType<LinuxPackager['createGetFileMatchersOptions']>;
/** PlatformPackager's pack steps, private in its typings, called here one by one. */
interface PackSteps {
  computeAsarOptions(options: LinuxPackager['platformSpecificBuildOptions']): Promise<unknown>;
  copyAppFiles(
    tasks: AsyncTaskManager,
    asarOptions: unknown,
    resourcesDir: string,
    defaultDestination: string,
    context: object,
    options: LinuxPackager['platformSpecificBuildOptions'],
    excludePatterns: unknown[],
    macroExpander: FileMatchersOptions['macroExpander'],
  ): void;
}

export interface PackagedApp {
  /** Every file inside app.asar, relative and with forward slashes. */
  inAsar: string[];
  /** Every file in app.asar.unpacked, the same way. */
  unpacked: string[];
  config: Configuration;
}

function walk(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? walk(full, base) : [relative(base, full).split(sep).join('/')];
  });
}

/**
 * Packs the app part of a Linux x64 build with electron-builder itself: it loads and validates
 * electron-builder.config.js (schema included), then runs the packager's own `copyAppFiles` —
 * the step of `electron-builder --dir` that applies `files`, collects the production
 * node_modules, writes app.asar and unpacks `asarUnpack`. What it skips is the step before,
 * unzipping Electron's runtime, which needs a download and is not part of the app's files.
 */
export async function packAppFiles(resourcesDir: string): Promise<PackagedApp> {
  const packager = new Packager({ projectDir: ROOT, config: 'electron-builder.config.js', targets: Platform.LINUX.createTarget('dir', Arch.x64) });
  await packager.validateConfig();
  const internals = packager as unknown as PackagerInternals;
  internals._appInfo = new AppInfo(packager, null);
  internals._framework = await createElectronFrameworkSupport(packager.config, packager);

  const linux = new LinuxPackager(packager);
  const steps = linux as unknown as PackSteps;
  const options = linux.platformSpecificBuildOptions;
  const asarOptions = await steps.computeAsarOptions(options);
  const outDir = join(resourcesDir, '..', 'dist');
  const matcherOptions = linux.createGetFileMatchersOptions(outDir, Arch.x64, options);
  const context = { appOutDir: join(resourcesDir, '..'), outDir, arch: Arch.x64, targets: [], packager: linux, electronPlatformName: 'linux' as const };
  const tasks = new AsyncTaskManager(packager.cancellationToken);
  steps.copyAppFiles(tasks, asarOptions, resourcesDir, join(resourcesDir, 'app'), context, options, [], matcherOptions.macroExpander);
  await tasks.awaitTasks();

  const asarFile = join(resourcesDir, 'app.asar');
  const inAsar = listPackage(asarFile, { isPack: false })
    .map((p) => p.replace(/^[\\/]/, '').split(sep).join('/'))
    .filter((p) => !('files' in statFile(asarFile, p, false)));
  return { inAsar, unpacked: walk(join(resourcesDir, 'app.asar.unpacked')), config: packager.config };
}
