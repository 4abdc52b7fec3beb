import type { RouteRecordRaw } from 'vue-router'
import { screen } from './screen'

/** The screens about one citizen. */
const her = '/worker/citizens/:id'

/**
 * The worker's screens (issues #14 and #15), added to the router when a worker screen is first
 * opened (`addWorkerRoutes` in src/app/router.ts), so a citizen's phone never loads them.
 */
export const workerRoutes: RouteRecordRaw[] = [
  // The worker's device (issue #14 item 6): set-up on an empty phone, "Mine borgere", pairing
  // with a citizen, one citizen's shared plan (read-only) and receiving her packages.
  screen('/worker/setup', 'workerSetup', () => import('@/pages/WorkerSetupPage.vue'), 'settings'),
  screen('/worker', 'workerHome', () => import('@/pages/WorkerHomePage.vue'), 'settings'),
  screen('/worker/pair', 'workerPair', () => import('@/pages/WorkerPairPage.vue'), 'settings'),
  screen(her, 'workerCitizen', () => import('@/pages/WorkerCitizenPage.vue'), 'settings', 'plan'),
  screen(`${her}/receive`, 'workerReceive', () => import('@/pages/WorkerReceivePage.vue'), 'settings'),
  // The worker's visit log (issue #15 item 4): logging a visit, changing one.
  screen(`${her}/visits/new`, 'workerVisitNew', () => import('@/pages/WorkerVisitPage.vue'), 'settings'),
  screen(
    `${her}/visits/:visitId`,
    'workerVisitEdit',
    () => import('@/pages/WorkerVisitPage.vue'),
    'settings',
  ),
  // The worker's proposals to her (issue #15 item 3): a proposal form, and the list with sending.
  screen(
    `${her}/propose/:what/:recordId`,
    'workerPropose',
    () => import('@/pages/WorkerProposePage.vue'),
    'settings',
  ),
  // The worker's own life-area rating, proposed to her (its dimensions' words are the plan's).
  screen(
    `${her}/propose/rating`,
    'workerProposeRating',
    () => import('@/pages/WorkerRatingPage.vue'),
    'settings',
    'plan',
  ),
  screen(`${her}/proposals`, 'workerProposals', () => import('@/pages/WorkerProposalsPage.vue'), 'settings'),
]
