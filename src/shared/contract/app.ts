import type { AppInfo } from '../domain';
import { empty, req } from './define';

export const appRequests = {
  'app.info': req<AppInfo>()(empty),
};
