// A small static file server for the demo and the built bundle. No dependencies, so `npm start` works
// right after `npm install`. Run directly it serves the repository root; tests import startServer().
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

const DEFAULT_PORT = 8080;

/** demo/csp.html shows the widget under the strict policy issue 5 promises, sent as a real header. */
const PAGE_HEADERS = {
  '/demo/csp.html': {
    'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'",
  },
};

/** Maps a request path to a file under root, or null when it would escape root. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(join(root, decoded));
  return file === root || file.startsWith(root + sep) ? file : null;
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

async function handle(root, headers, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed\n');
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname === '/') {
    res.writeHead(302, { location: '/demo/' });
    return res.end();
  }
  let file = resolveInside(root, pathname);
  if (!file) return send(res, 403, 'Forbidden\n');
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    // Relative links in /demo/index.html only work when the URL ends in a slash.
    if (!pathname.endsWith('/')) {
      res.writeHead(301, { location: `${pathname}/` });
      return res.end();
    }
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return send(res, 404, 'Not found\n');
  res.writeHead(200, {
    'content-type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...PAGE_HEADERS[pathname],
    ...headers,
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

function listen(server, port) {
  return new Promise((resolveListen, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolveListen(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Serves `root` on 127.0.0.1. When `port` is taken, falls back to a free port chosen by the system.
 * `headers` are added to every file response (a test can set a Content-Security-Policy, for example).
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer({ port = DEFAULT_PORT, root = process.cwd(), headers = {} } = {}) {
  const rootDir = resolve(root);
  const server = createServer((req, res) => {
    handle(rootDir, headers, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error\n');
      else res.destroy();
    });
  });
  let actualPort;
  try {
    actualPort = await listen(server, port);
  } catch (error) {
    if (error.code !== 'EADDRINUSE') throw error;
    actualPort = await listen(server, 0);
  }
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const requested = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
    console.error(`PORT must be a number from 0 to 65535, got "${process.env.PORT}".`);
    process.exit(2);
  }
  const repoRoot = fileURLToPath(new URL('..', import.meta.url));
  const { port } = await startServer({ port: requested, root: repoRoot });
  if (requested !== 0 && port !== requested) console.log(`Port ${requested} is taken; using ${port} instead.`);
  console.log(`Demo: http://localhost:${port}/demo/`);
}
