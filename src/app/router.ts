import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import StartPage from '@/pages/StartPage.vue'
import type { MessageNamespace } from '@/app/i18n/namespaces'

declare module 'vue-router' {
  interface RouteMeta {
    /**
     * The message namespaces the screen needs besides `core` (src/app/i18n/namespaces.ts),
     * loaded in every language on screen before it shows (src/app/modules/router.ts).
     */
    messages?: readonly MessageNamespace[]
  }
}

const plan = { messages: ['plan'] } as const
const settings = { messages: ['settings'] } as const

export const routes: RouteRecordRaw[] = [
  // The first screen is part of the initial bundle (it needs the store anyway); later
  // screens are loaded lazily and precached.
  { path: '/', name: 'start', component: StartPage },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('@/pages/SettingsPage.vue'),
    meta: settings,
  },
  {
    path: '/settings/security',
    name: 'security',
    component: () => import('@/pages/SecurityPage.vue'),
    meta: settings,
  },
  {
    path: '/settings/backup',
    name: 'backup',
    component: () => import('@/pages/BackupPage.vue'),
    meta: settings,
  },
  {
    path: '/settings/instruments',
    name: 'instruments',
    component: () => import('@/pages/InstrumentsPage.vue'),
    meta: plan,
  },
  {
    path: '/welcome',
    name: 'onboarding',
    component: () => import('@/pages/OnboardingPage.vue'),
    meta: { messages: ['course'] },
  },
  {
    path: '/course',
    name: 'course',
    component: () => import('@/pages/CoursePage.vue'),
    meta: { messages: ['course'] },
  },
  // Visit mode (issue #14 item 5): the review of the worker's changes and the next meeting.
  {
    path: '/visit/review',
    name: 'visitReview',
    component: () => import('@/pages/VisitReviewPage.vue'),
    meta: plan,
  },
  {
    path: '/visit/meeting',
    name: 'visitMeeting',
    component: () => import('@/pages/VisitMeetingPage.vue'),
    meta: plan,
  },
  { path: '/plan', name: 'plan', component: () => import('@/pages/PlanPage.vue'), meta: plan },
  {
    path: '/plan/areas',
    name: 'focusAreas',
    component: () => import('@/pages/FocusAreasPage.vue'),
    meta: plan,
  },
  {
    path: '/plan/areas/:id',
    name: 'focusArea',
    component: () => import('@/pages/FocusAreaPage.vue'),
    meta: plan,
  },
  { path: '/plan/goals/:id', name: 'goal', component: () => import('@/pages/GoalPage.vue'), meta: plan },
  // The handover summary to print or share (issue #12 item 7).
  { path: '/plan/summary', name: 'summary', component: () => import('@/pages/SummaryPage.vue'), meta: plan },
  // What her worker can see: exactly the next share package's content (issue #14).
  {
    path: '/plan/sharing',
    name: 'sharingPreview',
    component: () => import('@/pages/SharingPreviewPage.vue'),
    meta: plan,
  },
  // Pairing with the worker's phone and sending what she shares (issue #14): QR codes are in `settings`.
  {
    path: '/plan/share',
    name: 'share',
    component: () => import('@/pages/SharePage.vue'),
    meta: { messages: ['plan', 'settings'] },
  },
  // Her worker's proposals, to accept or reject (issue #15 item 3).
  {
    path: '/plan/proposals',
    name: 'proposals',
    component: () => import('@/pages/ProposalsPage.vue'),
    meta: { messages: ['plan', 'settings'] },
  },
  {
    path: '/activities',
    name: 'activities',
    component: () => import('@/pages/ActivitiesPage.vue'),
    meta: plan,
  },
  // `:id` is an activity's id or `new`: one route, so saving a new activity keeps the screen.
  {
    path: '/activities/:id',
    name: 'activity',
    component: () => import('@/pages/ActivityPage.vue'),
    meta: plan,
  },
  // The network is part of the plan (the navigation shows "My plan" while it is open): five
  // entries do not fit the bottom bar at 360 px without breaking words.
  { path: '/plan/network', name: 'network', component: () => import('@/pages/NetworkPage.vue'), meta: plan },
  // The handover plan is part of the plan too, like the network.
  {
    path: '/plan/handover',
    name: 'handover',
    component: () => import('@/pages/HandoverPage.vue'),
    meta: plan,
  },
  // Life-area ratings (issue #13): the overview, and a new rating (`?respondent=worker` for the
  // worker's turn on the same phone), one page for both.
  {
    path: '/plan/ratings',
    name: 'ratings',
    component: () => import('@/pages/RatingsPage.vue'),
    meta: plan,
  },
  {
    path: '/plan/ratings/new',
    name: 'ratingNew',
    component: () => import('@/pages/RatingsPage.vue'),
    meta: plan,
  },
  // How her life-area ratings have changed: the star and a line per dimension (issue #13).
  {
    path: '/plan/ratings/progress',
    name: 'ratingsProgress',
    component: () => import('@/pages/RatingsProgressPage.vue'),
    meta: plan,
  },
  // `:id` is a contact's id or `new`, like activities.
  {
    path: '/plan/network/:id',
    name: 'networkContact',
    component: () => import('@/pages/NetworkContactPage.vue'),
    meta: plan,
  },
  {
    path: '/plan/ratings/pack/:packId',
    name: 'ratingPack',
    component: () => import('@/pages/InstrumentsPage.vue'),
    meta: plan,
  },
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
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/**
 * Memory history on purpose: moving around Trin adds no entries to the browser's history,
 * so Back after a quick exit cannot walk through the plan and the history list reveals
 * nothing but one visit (DESIGN.md, security model).
 */
export function createAppRouter() {
  return createRouter({ history: createMemoryHistory(), routes })
}
