import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { baseURL, distDir, port } from './env'

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`The preview server did not answer at ${url} within ${timeoutMs} ms`)
}

let server: ChildProcess | undefined

/** Serves the built app with `vite preview`, exactly as `npm start` does. */
export async function setup(): Promise<void> {
  if (!existsSync(`${distDir}/index.html`)) {
    throw new Error(`${distDir}/ is missing: run \`npm run build\` first (npm test does this for you).`)
  }
  if (!existsSync('/usr/bin/chromium')) {
    throw new Error(
      'Debian Chromium is missing at /usr/bin/chromium: apt-get install -y chromium (.ci/run does this).',
    )
  }
  server = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      distDir,
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  )
  await waitForServer(baseURL, 30_000)
}

export function teardown(): void {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
}
