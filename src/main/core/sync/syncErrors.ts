import { AppError } from '../../../shared/errors';

const UNREACHABLE = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE', 'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_SERVER_SHUTDOWN', 'ER_CONNECTION_KILLED',
  // PostgreSQL: admin shutdown, crash shutdown, cannot connect now, connection failures
  '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004',
]);
const TLS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_NOT_YET_VALID', 'HANDSHAKE_SSL_ERROR', 'HANDSHAKE_NO_SSL_SUPPORT',
]);
const AUTH = new Set(['ER_ACCESS_DENIED_ERROR', 'ER_DBACCESS_DENIED_ERROR', 'ER_NOT_SUPPORTED_AUTH_MODE', '28P01', '28000']);
const NO_DATABASE = new Set(['ER_BAD_DB_ERROR', '3D000']);
const NO_RIGHTS = new Set(['ER_TABLEACCESS_DENIED_ERROR', 'ER_SPECIFIC_ACCESS_DENIED_ERROR', '42501']);

function codeOf(err: unknown): string {
  if (typeof err !== 'object' || err === null) return '';
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A driver's error (mysql2, pg, node's net and tls) as an error the user can act on, with the server's words as detail. */
export function syncError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = codeOf(err);
  const detail = `${code ? `${code}: ` : ''}${messageOf(err)}`.slice(0, 500);
  if (TLS.has(code) || /certificate|self[- ]signed|SSL/i.test(messageOf(err))) {
    return new AppError('network', { messageKey: 'sync.errors.tls', retryable: false, detail, cause: err });
  }
  if (AUTH.has(code)) return new AppError('auth', { messageKey: 'sync.errors.auth', retryable: false, detail, cause: err });
  if (NO_DATABASE.has(code)) return new AppError('bad_request', { messageKey: 'sync.errors.noDatabase', retryable: false, detail, cause: err });
  if (NO_RIGHTS.has(code)) return new AppError('auth', { messageKey: 'sync.errors.noRights', retryable: false, detail, cause: err });
  if (UNREACHABLE.has(code) || /timeout|terminated|Connection lost|connection error|not queryable|closed|ECONN/i.test(messageOf(err))) {
    return new AppError('network', { messageKey: 'sync.errors.unreachable', retryable: true, detail, cause: err });
  }
  return new AppError('internal', { messageKey: 'sync.errors.failed', retryable: true, detail, cause: err });
}
