import { loadScreenMessages } from '../i18n'
import type { AppModule } from './types'

export const install: AppModule = ({ app, router }) => {
  // A screen's messages (its route's `meta.messages`) load beside its chunk: asked for before
  // the chunk, waited for before the screen shows, so no screen ever shows a message key.
  let messages: Promise<void> = Promise.resolve()
  router.beforeEach((to) => {
    messages = loadScreenMessages(to.meta.messages ?? [])
    // Handled in beforeResolve; this keeps an aborted navigation's failure from going unhandled.
    messages.catch(() => undefined)
  })
  router.beforeResolve(() => messages)
  app.use(router)
}
