import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import StartPage from '@/pages/StartPage.vue'

export const routes: RouteRecordRaw[] = [
  // The first screen is part of the initial bundle (it needs the store anyway); later
  // screens are loaded lazily and precached.
  { path: '/', name: 'start', component: StartPage },
  { path: '/settings', name: 'settings', component: () => import('@/pages/SettingsPage.vue') },
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
