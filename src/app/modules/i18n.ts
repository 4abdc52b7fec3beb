import { i18n, initialLocale, setLocale } from '../i18n'
import type { AppModule } from './types'

export const install: AppModule = async ({ app }) => {
  app.use(i18n)
  await setLocale(initialLocale())
}
