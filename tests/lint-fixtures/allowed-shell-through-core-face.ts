// lint-as: src/main/allowed.ts
// expect: nothing
import { createCore } from './core';
import { AppError } from '../shared/errors';
export const allowed = [createCore, AppError];
