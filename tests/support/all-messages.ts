// Component tests mount screens without the app's router guard (src/app/modules/router.ts), so
// every language a test loads comes with every namespace of messages (src/app/i18n/namespaces.ts).
import { loadScreenMessages } from '@/app/i18n'
import { messageNamespaces } from '@/app/i18n/namespaces'

await loadScreenMessages(messageNamespaces)
