import { ref, type Ref } from 'vue';
import type { Client as WsClient } from 'graphql-ws';

/** idle: no live page open; connecting: first connection; live: connected; reconnecting: connection lost. */
export type LiveState = 'idle' | 'connecting' | 'live' | 'reconnecting';

const NORMAL_CLOSURE = 1000;

/** Follows graphql-ws connection events. A normal closure is the lazy socket closing when no page listens. */
export function trackConnection(ws: Pick<WsClient, 'on'>): Ref<LiveState> {
  const state = ref<LiveState>('idle');
  ws.on('connecting', (isRetry) => {
    state.value = isRetry || state.value === 'reconnecting' ? 'reconnecting' : 'connecting';
  });
  ws.on('connected', () => {
    state.value = 'live';
  });
  ws.on('closed', (event) => {
    const code = (event as { code?: number } | null)?.code;
    state.value = code === NORMAL_CLOSURE ? 'idle' : 'reconnecting';
  });
  return state;
}
