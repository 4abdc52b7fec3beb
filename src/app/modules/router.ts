import type { AppModule } from './types'

export const install: AppModule = ({ app, router }) => {
  app.use(router)
}
