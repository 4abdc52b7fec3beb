import type { RouteRecordRaw } from 'vue-router'

const settings = { messages: ['settings'] } as const

/**
 * The worker's screens (issues #14 and #15), added to the router when a worker screen is first
 * opened (`addWorkerRoutes` in src/app/router.ts), so a citizen's phone never loads them.
 */
export const workerRoutes: RouteRecordRaw[] = [
  // The worker's device (issue #14 item 6): set-up on an empty phone, "Mine borgere", pairing
  // with a citizen, one citizen's shared plan (read-only) and receiving her packages.
  {
    path: '/worker/setup',
    name: 'workerSetup',
    component: () => import('@/pages/WorkerSetupPage.vue'),
    meta: settings,
  },
  {
    path: '/worker',
    name: 'workerHome',
    component: () => import('@/pages/WorkerHomePage.vue'),
    meta: settings,
  },
  {
    path: '/worker/pair',
    name: 'workerPair',
    component: () => import('@/pages/WorkerPairPage.vue'),
    meta: settings,
  },
  {
    path: '/worker/citizens/:id',
    name: 'workerCitizen',
    component: () => import('@/pages/WorkerCitizenPage.vue'),
    meta: { messages: ['settings', 'plan'] },
  },
  {
    path: '/worker/citizens/:id/receive',
    name: 'workerReceive',
    component: () => import('@/pages/WorkerReceivePage.vue'),
    meta: settings,
  },
  // The worker's visit log (issue #15 item 4): logging a visit, changing one.
  {
    path: '/worker/citizens/:id/visits/new',
    name: 'workerVisitNew',
    component: () => import('@/pages/WorkerVisitPage.vue'),
    meta: settings,
  },
  {
    path: '/worker/citizens/:id/visits/:visitId',
    name: 'workerVisitEdit',
    component: () => import('@/pages/WorkerVisitPage.vue'),
    meta: settings,
  },
  // The worker's proposals to her (issue #15 item 3): a proposal form, and the list with sending.
  {
    path: '/worker/citizens/:id/propose/:what/:recordId',
    name: 'workerPropose',
    component: () => import('@/pages/WorkerProposePage.vue'),
    meta: settings,
  },
  // The worker's own life-area rating, proposed to her (its dimensions' words are the plan's).
  {
    path: '/worker/citizens/:id/propose/rating',
    name: 'workerProposeRating',
    component: () => import('@/pages/WorkerRatingPage.vue'),
    meta: { messages: ['settings', 'plan'] },
  },
  {
    path: '/worker/citizens/:id/proposals',
    name: 'workerProposals',
    component: () => import('@/pages/WorkerProposalsPage.vue'),
    meta: settings,
  },
]
