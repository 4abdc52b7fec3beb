/**
 * The worker's routes load with the first worker screen (src/app/router.ts, `addWorkerRoutes`):
 * a citizen's first screen carries none of them, and a worker screen still opens by its path,
 * wherever it is reached from.
 */
import { describe, expect, it } from 'vitest'
import { addWorkerRoutes, createAppRouter, routes } from '@/app/router'
import { workerRoutes } from '@/app/workerRoutes'

// A push loads the screen's chunk; the first transform of a page in Vitest takes seconds.
describe('the worker routes', { timeout: 60_000 }, () => {
  it('are not among the first screen routes, beyond one stand-in', () => {
    const names = new Set(routes.map((route) => route.name))
    for (const route of workerRoutes) expect(names.has(route.name)).toBe(false)
    expect(routes.filter((route) => route.path.startsWith('/worker'))).toHaveLength(1)
  })

  it.each([
    ['/worker', 'workerHome'],
    ['/worker/setup', 'workerSetup'],
    ['/worker/citizens/abc', 'workerCitizen'],
    ['/worker/citizens/abc/proposals', 'workerProposals'],
  ])('%s opens %s on a fresh router', async (path, name) => {
    const router = createAppRouter()
    expect(router.hasRoute(name)).toBe(false)
    await router.push(path)
    expect(router.currentRoute.value.name).toBe(name)
    expect(router.currentRoute.value.fullPath).toBe(path)
    // Added once, the stand-in gone: names resolve from now on.
    expect(router.hasRoute('workerRoutes')).toBe(false)
    expect(router.resolve({ name: 'workerVisitNew', params: { id: 'abc' } }).path).toBe(
      '/worker/citizens/abc/visits/new',
    )
  })

  it('sends an unknown worker path home once they are added', async () => {
    const router = createAppRouter()
    await router.push('/worker/nowhere/at/all')
    expect(router.currentRoute.value.name).toBe('start')
  })

  it('adds them once however many screens ask at the same time', async () => {
    const router = createAppRouter()
    await Promise.all([addWorkerRoutes(router), addWorkerRoutes(router), router.push('/worker')])
    const names = router.getRoutes().map((route) => route.name)
    for (const route of workerRoutes) expect(names.filter((name) => name === route.name)).toHaveLength(1)
  })

  it('leaves the citizen screens alone', async () => {
    const router = createAppRouter()
    await router.push('/plan')
    expect(router.currentRoute.value.name).toBe('plan')
    expect(router.hasRoute('workerHome')).toBe(false)
  })
})
