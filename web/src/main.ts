import { createApp } from 'vue';
import App from './App.vue';
import { session } from './accounts/session';
import { config } from './config';
import { pendingPostsFor } from './dialogue/pendingPosts';
import { createGraphqlClients } from './graphql/client';
import { graphqlPlugin } from './graphql/provide';
import { createAppI18n, rememberLocale } from './i18n';
import { trackConnection } from './live/connection';
import { LIVE_STATE } from './live/state';
import { createAppRouter } from './router';
import './shared/base.css';

const i18n = createAppI18n();
rememberLocale(i18n.global.locale.value);
const clients = createGraphqlClients(config, session);
const router = createAppRouter(() => session.role.value);

// Leaving a page the new identity may not open, e.g. the inbox after signing out.
session.onTokenChange(() => {
  const roles = router.currentRoute.value.meta.roles;
  if (roles && !(session.role.value && roles.includes(session.role.value))) void router.push({ name: 'board' });
});

createApp(App)
  .use(i18n)
  .use(router)
  .use(graphqlPlugin(clients))
  .provide(LIVE_STATE, trackConnection(clients.ws))
  .mount('#app');

// Posts kept offline by an earlier page load go out now, or as soon as the connection returns.
pendingPostsFor(clients.client).start();

// The installable app: offline board shell and Web Push (web/sw/sw.js).
if (config.serviceWorker && 'serviceWorker' in navigator) {
  void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
