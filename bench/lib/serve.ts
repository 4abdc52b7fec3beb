/**
 * A tiny static server for a built app: the same for Trin and the bare stack, so neither gets
 * a different server. Unknown paths fall back to index.html, as a single-page app needs. Text
 * is sent gzipped when the browser accepts it, as `npm start` (vite preview) and any static
 * host send it: Lighthouse's simulated slow line then carries the bytes the budgets count.
 */
import { createServer, type Server } from 'node:http'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
}

/** Endings sent gzipped (the others are compressed already, or binary). */
const compressible = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.wasm'])

/** Serves `dir` on 127.0.0.1:`port`; resolves once listening. */
export function serveDir(dir: string, port: number): Promise<Server> {
  /** Gzipped bodies by file (a build does not change while it is served). */
  const gzipped = new Map<string, Buffer>()
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname))
    let file = join(dir, path)
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory())
      file = join(dir, 'index.html')
    const gzip = compressible.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')
    let body = gzip ? gzipped.get(file) : readFileSync(file)
    if (body === undefined) {
      body = gzipSync(readFileSync(file))
      gzipped.set(file, body)
    }
    response.writeHead(200, {
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    })
    response.end(body)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      resolve(server)
    })
  })
}
