import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real database servers for the sync tests: MariaDB and PostgreSQL from the Debian packages,
 * each in a temporary data folder on 127.0.0.1 and a free port, with TLS on (a self-signed
 * certificate made with openssl, so a verifying client must refuse it), a database `brook`
 * and a user `brook` with a password. Stop and start again keep the data (the "server
 * killed" tests); `destroy` removes the folder.
 */
export type ServerKind = 'mysql' | 'postgres';

export interface DbServer {
  kind: ServerKind;
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  /** The self-signed certificate (PEM path), for a client that trusts it explicitly. */
  caFile: string;
  /** A new empty database the user `brook` owns (one per test keeps tests apart); SQL as the server's superuser. */
  createDatabase(name: string): void;
  admin(sql: string, database?: string): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

const PASSWORD = 'brook-test-pw';
const PG_BIN = '/usr/lib/postgresql/15/bin';

export function serversAvailable(): Record<ServerKind, boolean> {
  return { mysql: existsSync('/usr/sbin/mariadbd'), postgres: existsSync(join(PG_BIN, 'postgres')) };
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not listen on ${port}: ${log()}`);
}

function selfSignedCert(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'server.crt');
  const key = join(dir, 'server.key');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
  return { cert, key };
}

function spawnLogged(cmd: string, args: string[]): { child: ChildProcess; log: () => string } {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => { text = (text + d.toString()).slice(-4000); });
  child.stderr?.on('data', (d: Buffer) => { text = (text + d.toString()).slice(-4000); });
  return { child, log: () => text };
}

async function stopChild(child: ChildProcess | null, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export async function startMariaDb(): Promise<DbServer> {
  const dir = mkdtempSync(join(tmpdir(), 'brook-mariadb-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'mysqld.sock');
  const { cert, key } = selfSignedCert(dir);
  execFileSync('mysql_install_db', ['--no-defaults', `--datadir=${data}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'ignore' });
  const port = await freePort();
  let proc: ChildProcess | null = null;
  const start = async () => {
    const { child, log } = spawnLogged('mariadbd', [
      '--no-defaults', `--datadir=${data}`, `--socket=${socket}`, `--port=${port}`, '--bind-address=127.0.0.1',
      '--user=root', '--skip-log-bin', '--innodb-buffer-pool-size=32M', '--innodb-log-file-size=16M',
      `--ssl-cert=${cert}`, `--ssl-key=${key}`, `--pid-file=${join(dir, 'mysqld.pid')}`,
    ]);
    proc = child;
    await waitForPort(port, child, log);
  };
  await start();
  const admin = (sqlText: string, database = 'mysql') =>
    execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-N', '-B', database, '-e', sqlText]).toString();
  const sql = `CREATE DATABASE brook; CREATE USER 'brook'@'127.0.0.1' IDENTIFIED BY '${PASSWORD}'; CREATE USER 'brook'@'localhost' IDENTIFIED BY '${PASSWORD}'; GRANT ALL ON brook.* TO 'brook'@'127.0.0.1'; GRANT ALL ON brook.* TO 'brook'@'localhost';`;
  execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', sql]);
  return {
    kind: 'mysql', host: '127.0.0.1', port, database: 'brook', user: 'brook', password: PASSWORD, caFile: cert,
    admin,
    createDatabase: (name) => void admin(`CREATE DATABASE ${name}; GRANT ALL ON ${name}.* TO 'brook'@'127.0.0.1'; GRANT ALL ON ${name}.* TO 'brook'@'localhost';`),
    start,
    stop: async (signal = 'SIGTERM') => stopChild(proc, signal),
    destroy: async () => {
      await stopChild(proc, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** PostgreSQL refuses to run as root: the folder belongs to `postgres` and the server runs as that user. */
export async function startPostgres(): Promise<DbServer> {
  const dir = mkdtempSync(join(tmpdir(), 'brook-pg-'));
  const data = join(dir, 'data');
  const { cert, key } = selfSignedCert(dir);
  writeFileSync(join(dir, 'pw'), `${PASSWORD}\n`);
  chmodSync(key, 0o600);
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  for (const f of [dir, cert, key, join(dir, 'pw')]) chownSync(f, uid, gid);
  execFileSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, 'initdb'), '-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${join(dir, 'pw')}`, '-E', 'UTF8', '--no-sync'], { stdio: 'ignore' });
  const port = await freePort();
  let proc: ChildProcess | null = null;
  const start = async () => {
    const { child, log } = spawnLogged('runuser', [
      '-u', 'postgres', '--', join(PG_BIN, 'postgres'), '-D', data, '-p', String(port), '-k', dir,
      '-c', 'listen_addresses=127.0.0.1', '-c', 'ssl=on', '-c', `ssl_cert_file=${cert}`, '-c', `ssl_key_file=${key}`,
      '-c', 'fsync=off', '-c', 'shared_buffers=16MB',
    ]);
    proc = child;
    await waitForPort(port, child, log);
    // After a crash the port opens before recovery ends; wait until it accepts sessions.
    for (let i = 0; i < 300; i++) {
      try {
        execFileSync(join(PG_BIN, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)]);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  await start();
  const psql = (sqlText: string, database = 'postgres') =>
    execFileSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, 'psql'), '-h', dir, '-p', String(port), '-U', 'postgres', '-d', database, '-At', '-v', 'ON_ERROR_STOP=1', '-c', sqlText], { stdio: 'pipe' }).toString();
  psql(`CREATE USER brook PASSWORD '${PASSWORD}'`);
  psql('CREATE DATABASE brook OWNER brook');
  return {
    kind: 'postgres', host: '127.0.0.1', port, database: 'brook', user: 'brook', password: PASSWORD, caFile: cert,
    admin: psql,
    createDatabase: (name) => void psql(`CREATE DATABASE ${name} OWNER brook`),
    start,
    // runuser forwards the signal to postgres; SIGKILL on runuser would orphan the server, so the
    // postmaster's own pid is signalled (SIGQUIT is PostgreSQL's immediate, crash-like shutdown).
    stop: async (signal = 'SIGTERM') => {
      const pidFile = join(data, 'postmaster.pid');
      if (existsSync(pidFile)) {
        const pid = Number(execFileSync('head', ['-1', pidFile]).toString().trim());
        try { process.kill(pid, signal === 'SIGKILL' ? 'SIGQUIT' : signal); } catch { /* already gone */ }
      }
      await stopChild(proc, 'SIGTERM');
    },
    destroy: async () => {
      const pidFile = join(data, 'postmaster.pid');
      if (existsSync(pidFile)) {
        try { process.kill(Number(execFileSync('head', ['-1', pidFile]).toString().trim()), 'SIGQUIT'); } catch { /* gone */ }
      }
      await stopChild(proc, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startServer(kind: ServerKind): Promise<DbServer> {
  return kind === 'mysql' ? await startMariaDb() : await startPostgres();
}
