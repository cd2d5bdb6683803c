import { install as installUrql } from '@urql/vue';
import { inject, type App, type InjectionKey } from 'vue';
import type { Client as WsClient } from 'graphql-ws';
import type { GraphqlClients } from './client';

export const WS_CLIENT: InjectionKey<Pick<WsClient, 'subscribe' | 'on'>> = Symbol('graphql-ws client');

/** A Vue plugin: urql for queries and mutations, graphql-ws for live events. Tests pass fakes. */
export function graphqlPlugin(clients: { client: GraphqlClients['client']; ws: Pick<WsClient, 'subscribe' | 'on'> }) {
  return {
    install(app: App) {
      installUrql(app, clients.client);
      app.provide(WS_CLIENT, clients.ws);
    },
  };
}

export function useWsClient(): Pick<WsClient, 'subscribe' | 'on'> {
  const ws = inject(WS_CLIENT);
  if (!ws) throw new Error('graphqlPlugin is not installed.');
  return ws;
}
