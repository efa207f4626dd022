// lint-as: src/main/core/tools/allowed.ts
// expect: nothing
import { getProviderFactory } from '../providers';
export const allowed = getProviderFactory;
