/// <reference types="vite-plugin-pwa/client" />
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { createRouter, createWebHistory } from 'vue-router'
import { registerSW } from 'virtual:pwa-register'
import App from './App.vue'
import HomePage from './HomePage.vue'
import { i18n, setLocale } from './i18n'

async function start(): Promise<void> {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/', component: HomePage },
      { path: '/about', component: () => import('./AboutPage.vue') },
    ],
  })
  const app = createApp(App).use(createPinia()).use(i18n).use(router)
  await setLocale('da')
  await router.push('/')
  await router.isReady()
  app.mount('#app')
  void registerSW({ immediate: true })
}

void start()
