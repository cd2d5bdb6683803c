import { inject, ref, type InjectionKey, type Ref } from 'vue';
import type { LiveState } from './connection';

export const LIVE_STATE: InjectionKey<Ref<LiveState>> = Symbol('live connection state');

export function useLiveState(): Ref<LiveState> {
  return inject(LIVE_STATE, ref<LiveState>('idle'));
}
