/**
 * Debian's nginx as a real HTTPS peer, run as the test's own process in a temp prefix (no /etc):
 * TLS servers with Basic authentication (htpasswd made at run time with `openssl passwd -apr1`),
 * mTLS (`ssl_verify_client on` — answers HTTP 400, not a TLS alert, when the certificate is missing
 * or untrusted), an OAuth2 client-credentials token endpoint and a bearer-protected location.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports';
import { stopAtFileEnd } from './stop-at-file-end';

export interface NginxServer {
  /** Leaf first, then intermediates. */
  chainPem: string;
  keyPem: string;
  /** When set, `ssl_verify_client on` with this CA bundle. */
  clientCaPem?: string;
  /** nginx `location` blocks; `$HTPASSWD` is replaced by the htpasswd file path. */
  locations: string;
}

export interface RunningNginx {
  ports: number[];
  dir: string;
  stop(): Promise<void>;
}

/** An htpasswd line made by openssl (the password goes through stdin, never argv). */
export function htpasswdLine(user: string, password: string): string {
  const hash = execFileSync('openssl', ['passwd', '-apr1', '-stdin'], { input: password + '\n' }).toString().trim();
  return `${user}:${hash}\n`;
}

export async function startNginx(servers: NginxServer[], htpasswd = '', files: Record<string, string> = {}): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'landscape-nginx-'));
  // Workers run as nobody: they must read the htpasswd and www files (keys are read by the master).
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'www'), { mode: 0o755 });
  for (const [name, content] of Object.entries({ 'ok.txt': 'ok', ...files })) writeFileSync(join(dir, 'www', name), content);
  const htpasswdFile = join(dir, 'htpasswd');
  writeFileSync(htpasswdFile, htpasswd, { mode: 0o644 });
  const ports: number[] = [];
  const blocks: string[] = [];
  for (const [i, s] of servers.entries()) {
    const port = await freePort();
    ports.push(port);
    writeFileSync(join(dir, `s${i}.crt`), s.chainPem);
    writeFileSync(join(dir, `s${i}.key`), s.keyPem, { mode: 0o600 });
    if (s.clientCaPem) writeFileSync(join(dir, `s${i}-ca.crt`), s.clientCaPem);
    blocks.push(`
    server {
      listen 127.0.0.1:${port} ssl;
      server_name localhost;
      ssl_certificate ${join(dir, `s${i}.crt`)};
      ssl_certificate_key ${join(dir, `s${i}.key`)};
      ssl_protocols TLSv1.2 TLSv1.3;
      ${s.clientCaPem ? `ssl_client_certificate ${join(dir, `s${i}-ca.crt`)}; ssl_verify_client on; ssl_verify_depth 3;` : ''}
      root ${join(dir, 'www')};
      ${s.locations.replaceAll('$HTPASSWD', htpasswdFile)}
    }`);
  }
  const conf = `
    pid ${join(dir, 'nginx.pid')};
    error_log ${join(dir, 'error.log')} warn;
    worker_processes 1;
    events { worker_connections 512; }
    http {
      access_log ${join(dir, 'access.log')};
      client_body_temp_path ${join(dir, 'body')};
      proxy_temp_path ${join(dir, 'proxy')};
      fastcgi_temp_path ${join(dir, 'fastcgi')};
      uwsgi_temp_path ${join(dir, 'uwsgi')};
      scgi_temp_path ${join(dir, 'scgi')};
      default_type text/plain;
      map $http_x_csrf_token $csrf_file { Fetch /ok.txt; default /missing; }
      map $http_x_csrf_token $csrf_header { Fetch csrf-token-value; default Required; }
      ${blocks.join('\n')}
    }`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const child: ChildProcess = spawn('nginx', ['-e', join(dir, 'error.log'), '-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    for (const p of ports) await waitForPort(p);
  } catch (e) {
    child.kill();
    throw new Error(`nginx did not start: ${stderr} ${(e as Error).message}`);
  }
  return {
    ports,
    dir,
    stop: stopAtFileEnd(() =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGQUIT');
      })),
  };
}

/**
 * Locations that play Cloud Integration's runtime and a receiver: Basic, roles, CSRF, OAuth2.
 * Answers come from try_files (content phase), never `return` (rewrite phase, which would skip
 * auth_basic). The token is served from token.json (pass it in `files` via `tokenFiles`).
 */
export function ciLikeLocations(token: string): string {
  const basic = 'auth_basic "ci"; auth_basic_user_file $HTPASSWD;';
  return `
      location = /oauth/token { ${basic} error_page 405 =200 /token.json; try_files /token.json =500; }
      location = /token.json { internal; default_type application/json; }
      location /api/bearer/ {
        if ($http_authorization != "Bearer ${token}") { return 401; }
        try_files /ok.txt =500;
      }
      location /cxf/ { ${basic} try_files /ok.txt =500; }
      location /http/ok { ${basic} try_files /ok.txt =500; }
      location /http/forbidden { ${basic} try_files /missing =403; }
      location /http/csrf { ${basic} add_header X-CSRF-Token $csrf_header always; try_files $csrf_file =403; }
      location /sap/ { ${basic} try_files /ok.txt =500; }
      location / { return 404; }`;
}

export function tokenFiles(token: string): Record<string, string> {
  return { 'token.json': JSON.stringify({ access_token: token, token_type: 'bearer', expires_in: 3600 }) };
}
