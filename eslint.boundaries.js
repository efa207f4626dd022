/**
 * The layer and module arrows of docs/architecture.md, checked by eslint-plugin-boundaries.
 *
 *   shared ← core ← shell        preload → shared        renderer → shared
 *
 * Inside the core, each module (a folder under src/main/core) may import its own files, the
 * listed modules below it — through their index.ts only — and shared. The core's own
 * index.ts is the face the shell imports. Reserved modules (attachments, tools, sync)
 * are listed so that work placed there is already held to its arrows.
 */
import boundaries from 'eslint-plugin-boundaries';

/** Who may import whom inside the core (each through its index.ts). Lower modules never name higher ones. */
export const CORE_MODULES = {
  base: [],
  net: [],
  history: ['base'],
  providers: ['base', 'net'],
  settings: ['base', 'net', 'providers'],
  websearch: ['base', 'net', 'providers', 'settings'],
  streaming: ['base', 'providers', 'history'],
  attachments: ['base', 'net', 'history', 'settings'],
  tools: ['base', 'net', 'providers', 'settings'],
  chat: ['base', 'providers', 'history', 'settings', 'websearch', 'streaming', 'attachments', 'tools'],
  sync: ['base', 'net', 'history', 'settings'],
  updates: ['base', 'net', 'settings'],
  api: ['base', 'history', 'settings', 'websearch', 'chat', 'attachments', 'tools', 'sync', 'updates'],
  servers: ['base', 'net', 'providers', 'history', 'settings', 'streaming', 'chat', 'api'],
  app: ['base', 'net', 'history', 'providers', 'settings', 'websearch', 'streaming', 'attachments', 'tools', 'chat', 'sync', 'updates', 'api', 'servers'],
};

const coreModule = (module, indexOnly) => ({
  element: { type: 'core', captured: { module }, ...(indexOnly ? { fileInternalPath: 'index.ts' } : {}) },
});
const layer = (type) => ({ element: { type } });
/** Files directly in src/main/core belong to no module: the shell's element, and the only one is index.ts. */
const CORE_FACE = { element: { type: 'shell', fileInternalPath: 'core/index.ts' } };
/**
 * Browser mode's second face: what serves the page before the rest of the core has loaded. It
 * names files, not modules' index.ts, because an index would bring its whole module along.
 */
const PAGE_FACE = { element: { type: 'shell', fileInternalPath: 'core/pageFirst.ts' } };
const PAGE_FIRST_FILES = [
  { element: { type: 'core', captured: { module: 'servers' }, fileInternalPath: 'headless/headlessServer.ts' } },
  { element: { type: 'core', captured: { module: 'app' }, fileInternalPath: 'paths.ts' } },
  { element: { type: 'core', captured: { module: 'app' }, fileInternalPath: 'dataDirLock.ts' } },
  { element: { type: 'core', captured: { module: 'app' }, fileInternalPath: 'firstScreenCache.ts' } },
];

const policies = [
  { from: layer('shared'), allow: { to: layer('shared') } },
  { from: layer('preload'), allow: { to: [layer('preload'), layer('shared')] } },
  { from: layer('renderer'), allow: { to: [layer('renderer'), layer('shared')] } },
  // src/main/core/index.ts is the core's face: the one shell file that sees the core's modules.
  { from: layer('shell'), allow: { to: [layer('shell'), layer('shared')] } },
  { from: CORE_FACE, allow: { to: Object.keys(CORE_MODULES).map((m) => coreModule(m, true)) } },
  { from: PAGE_FACE, allow: { to: PAGE_FIRST_FILES } },
  ...Object.entries(CORE_MODULES).map(([module, uses]) => ({
    from: coreModule(module, false),
    allow: { to: [coreModule(module, false), ...uses.map((m) => coreModule(m, true)), layer('shared')] },
  })),
];

export const boundariesConfig = {
  files: ['src/**/*.{ts,tsx}'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
    'boundaries/elements': [
      { type: 'core', pattern: 'src/main/core/*', capture: ['module'] },
      { type: 'shell', pattern: 'src/main' },
      { type: 'preload', pattern: 'src/preload' },
      { type: 'renderer', pattern: 'src/renderer' },
      { type: 'shared', pattern: 'src/shared' },
    ],
  },
  rules: {
    'boundaries/dependencies': ['error', { default: 'disallow', policies }],
  },
};
