import { createPinia } from 'pinia'
import type { AppModule } from './types'

export const install: AppModule = ({ app }) => {
  app.use(createPinia())
}
