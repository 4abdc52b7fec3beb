import { createMemoryHistory, createRouter, type RouteRecordRaw, type Router } from 'vue-router'
import StartPage from '@/pages/StartPage.vue'
import type { MessageNamespace } from '@/app/i18n/namespaces'
import { screen } from './screen'

declare module 'vue-router' {
  interface RouteMeta {
    /**
     * The message namespaces the screen needs besides `core` (src/app/i18n/namespaces.ts),
     * loaded in every language on screen before it shows (src/app/modules/router.ts).
     */
    messages?: readonly MessageNamespace[]
    /**
     * What the screen shows once the plan is open, loaded while an unlock derives its key
     * (`useUnlockAhead`, src/app/unlockAhead.ts), so it need not load after the records.
     */
    ahead?: () => Promise<unknown>
  }
}

/** The stand-in for every worker screen until their routes are added (`addWorkerRoutes`). */
const WORKER_ROUTES = 'workerRoutes'

export const routes: RouteRecordRaw[] = [
  // The first screen is part of the initial bundle (it needs the store anyway); later
  // screens are loaded lazily and precached.
  // Home with a plan (`StartHome`, StartPage's async part) loads during an unlock's key derivation.
  { path: '/', name: 'start', component: StartPage, meta: { ahead: () => import('@/pages/StartHome.vue') } },
  screen('/settings', 'settings', () => import('@/pages/SettingsPage.vue'), 'settings'),
  screen('/settings/security', 'security', () => import('@/pages/SecurityPage.vue'), 'settings'),
  screen('/settings/backup', 'backup', () => import('@/pages/BackupPage.vue'), 'settings'),
  screen('/settings/instruments', 'instruments', () => import('@/pages/InstrumentsPage.vue'), 'plan'),
  screen('/welcome', 'onboarding', () => import('@/pages/OnboardingPage.vue'), 'course'),
  screen('/course', 'course', () => import('@/pages/CoursePage.vue'), 'course'),
  // Visit mode (issue #14 item 5): the review of the worker's changes and the next meeting.
  screen('/visit/review', 'visitReview', () => import('@/pages/VisitReviewPage.vue'), 'plan'),
  screen('/visit/meeting', 'visitMeeting', () => import('@/pages/VisitMeetingPage.vue'), 'plan'),
  screen('/plan', 'plan', () => import('@/pages/PlanPage.vue'), 'plan'),
  screen('/plan/areas', 'focusAreas', () => import('@/pages/FocusAreasPage.vue'), 'plan'),
  screen('/plan/areas/:id', 'focusArea', () => import('@/pages/FocusAreaPage.vue'), 'plan'),
  screen('/plan/goals/:id', 'goal', () => import('@/pages/GoalPage.vue'), 'plan'),
  // The handover summary to print or share (issue #12 item 7).
  screen('/plan/summary', 'summary', () => import('@/pages/SummaryPage.vue'), 'plan'),
  // What her worker can see: exactly the next share package's content (issue #14).
  screen('/plan/sharing', 'sharingPreview', () => import('@/pages/SharingPreviewPage.vue'), 'plan'),
  // Pairing with the worker's phone and sending what she shares (issue #14): QR codes are in `settings`.
  screen('/plan/share', 'share', () => import('@/pages/SharePage.vue'), 'plan', 'settings'),
  // Her worker's proposals, to accept or reject (issue #15 item 3).
  screen('/plan/proposals', 'proposals', () => import('@/pages/ProposalsPage.vue'), 'plan', 'settings'),
  screen('/activities', 'activities', () => import('@/pages/ActivitiesPage.vue'), 'plan'),
  // `:id` is an activity's id or `new`: one route, so saving a new activity keeps the screen.
  screen('/activities/:id', 'activity', () => import('@/pages/ActivityPage.vue'), 'plan'),
  // The network is part of the plan (the navigation shows "My plan" while it is open): five
  // entries do not fit the bottom bar at 360 px without breaking words.
  screen('/plan/network', 'network', () => import('@/pages/NetworkPage.vue'), 'plan'),
  // The handover plan is part of the plan too, like the network.
  screen('/plan/handover', 'handover', () => import('@/pages/HandoverPage.vue'), 'plan'),
  // Life-area ratings (issue #13): the overview, and a new rating (`?respondent=worker` for the
  // worker's turn on the same phone), one page for both.
  screen('/plan/ratings', 'ratings', () => import('@/pages/RatingsPage.vue'), 'plan'),
  screen('/plan/ratings/new', 'ratingNew', () => import('@/pages/RatingsPage.vue'), 'plan'),
  // How her life-area ratings have changed: the star and a line per dimension (issue #13).
  screen(
    '/plan/ratings/progress',
    'ratingsProgress',
    () => import('@/pages/RatingsProgressPage.vue'),
    'plan',
  ),
  // `:id` is a contact's id or `new`, like activities.
  screen('/plan/network/:id', 'networkContact', () => import('@/pages/NetworkContactPage.vue'), 'plan'),
  screen('/plan/ratings/pack/:packId', 'ratingPack', () => import('@/pages/InstrumentsPage.vue'), 'plan'),
  // A worker's device (issues #14, #15): its screens' routes load with its first screen, so the
  // citizen's first screen carries none of them (README, Speed). See `addWorkerRoutes`.
  screen('/worker/:rest(.*)*', WORKER_ROUTES, { render: () => null }, 'settings'),
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

const workerRoutesAdded: WeakMap<Router, Promise<void>> = new WeakMap()

/**
 * Adds the worker's routes (src/app/workerRoutes.ts, a chunk of its own) to `router`, once, and
 * removes their stand-in. Until then a worker screen is reached by its path (`/worker`,
 * `/worker/setup`), never by name: a name not yet added would not resolve.
 */
export function addWorkerRoutes(router: Router): Promise<void> {
  const known = workerRoutesAdded.get(router)
  if (known !== undefined) return known
  const adding = import('./workerRoutes').then(({ workerRoutes }) => {
    for (const route of workerRoutes) router.addRoute(route)
    if (router.hasRoute(WORKER_ROUTES)) router.removeRoute(WORKER_ROUTES)
  })
  // A failed load (a chunk missing offline) is tried again on the next worker screen.
  adding.catch(() => workerRoutesAdded.delete(router))
  workerRoutesAdded.set(router, adding)
  return adding
}

/**
 * Memory history on purpose: moving around Trin adds no entries to the browser's history,
 * so Back after a quick exit cannot walk through the plan and the history list reveals
 * nothing but one visit (DESIGN.md, security model). A worker screen reached before the
 * worker's routes are there waits for them, then opens (`addWorkerRoutes`).
 */
export function createAppRouter(appRoutes: RouteRecordRaw[] = routes): Router {
  const router = createRouter({ history: createMemoryHistory(), routes: appRoutes })
  router.beforeEach(async (to) => {
    if (to.name !== WORKER_ROUTES) return true
    await addWorkerRoutes(router)
    return to.fullPath
  })
  return router
}
