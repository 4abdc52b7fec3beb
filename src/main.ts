import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './app/router'
import { install as installI18n } from './app/modules/i18n'
import { install as installPinia } from './app/modules/pinia'
import { install as installRouter } from './app/modules/router'
import './styles/main.css'

async function start(): Promise<void> {
  const app = createApp(App)
  const router = createAppRouter()
  for (const install of [installPinia, installI18n, installRouter]) {
    await install({ app, router })
  }
  await router.push('/')
  await router.isReady()
  app.mount('#app')
}

void start()
