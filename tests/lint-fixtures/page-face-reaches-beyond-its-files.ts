// lint-as: src/main/core/pageFirst.ts
// expect: boundaries/dependencies
export { createCore } from './app';
