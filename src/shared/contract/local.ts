import type { LocalServicesStatus } from '../domain';
import { empty, req } from './define';
import { localServicesStatusSchema } from './payloads';

export const localRequests = {
  /** The live feed and the local API: whether they run, their URL, token and key. */
  'local.status': req<LocalServicesStatus>()(empty),
  /** A new feed token: subscribers holding the old URL are disconnected. */
  'local.renewFeedToken': req<LocalServicesStatus>()(empty),
  /** A new local API key: the old one stops working at once. */
  'local.renewApiKey': req<LocalServicesStatus>()(empty),
};

export const localEvents = {
  /** The local servers started, stopped, failed, or got a new token or key. */
  'local.statusChanged': localServicesStatusSchema,
};
