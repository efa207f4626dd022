// lint-as: src/main/core/pageFirst.ts
// expect: nothing
export { startHeadlessServer } from './servers/headless/headlessServer';
export { defaultDataDir } from './app/paths';
