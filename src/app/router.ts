import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import StartPage from '@/pages/StartPage.vue'

export const routes: RouteRecordRaw[] = [
  // The first screen is part of the initial bundle (it needs the store anyway); later
  // screens are loaded lazily and precached.
  { path: '/', name: 'start', component: StartPage },
  { path: '/settings', name: 'settings', component: () => import('@/pages/SettingsPage.vue') },
  { path: '/settings/security', name: 'security', component: () => import('@/pages/SecurityPage.vue') },
  { path: '/settings/backup', name: 'backup', component: () => import('@/pages/BackupPage.vue') },
  { path: '/welcome', name: 'onboarding', component: () => import('@/pages/OnboardingPage.vue') },
  { path: '/course', name: 'course', component: () => import('@/pages/CoursePage.vue') },
  { path: '/plan', name: 'plan', component: () => import('@/pages/PlanPage.vue') },
  { path: '/plan/areas', name: 'focusAreas', component: () => import('@/pages/FocusAreasPage.vue') },
  { path: '/plan/areas/:id', name: 'focusArea', component: () => import('@/pages/FocusAreaPage.vue') },
  { path: '/plan/goals/:id', name: 'goal', component: () => import('@/pages/GoalPage.vue') },
  // The handover summary to print or share (issue #12 item 7).
  { path: '/plan/summary', name: 'summary', component: () => import('@/pages/SummaryPage.vue') },
  { path: '/activities', name: 'activities', component: () => import('@/pages/ActivitiesPage.vue') },
  // `:id` is an activity's id or `new`: one route, so saving a new activity keeps the screen.
  { path: '/activities/:id', name: 'activity', component: () => import('@/pages/ActivityPage.vue') },
  // The network is part of the plan (the navigation shows "My plan" while it is open): five
  // entries do not fit the bottom bar at 360 px without breaking words.
  { path: '/plan/network', name: 'network', component: () => import('@/pages/NetworkPage.vue') },
  // The handover plan is part of the plan too, like the network.
  { path: '/plan/handover', name: 'handover', component: () => import('@/pages/HandoverPage.vue') },
  // `:id` is a contact's id or `new`, like activities.
  {
    path: '/plan/network/:id',
    name: 'networkContact',
    component: () => import('@/pages/NetworkContactPage.vue'),
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
