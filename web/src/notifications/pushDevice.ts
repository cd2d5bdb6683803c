// This browser's Web Push subscription: what the browser offers, and subscribing with the server's
// VAPID key. The service worker (web/sw/sw.js) shows what arrives.
import { config } from '../config';

/**
 * - unsupported: no service worker, PushManager or Notification here (or a dev build without /sw.js)
 * - unavailable: the server has no push key
 * - blocked: the person (or the browser) refused notifications for this site
 * - off / on: whether this browser holds a subscription
 */
export type PushDeviceState = 'unsupported' | 'unavailable' | 'blocked' | 'off' | 'on';

export function pushSupported(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in globalThis &&
    'Notification' in globalThis
  );
}

/** A VAPID public key as the server gives it (base64url, no padding) → the bytes PushManager wants. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = (value + '='.repeat((4 - (value.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The page's registration if one exists, without registering or prompting. */
export async function currentRegistration(): Promise<ServiceWorkerRegistration | undefined> {
  return navigator.serviceWorker.getRegistration();
}

/** The registration to subscribe with: the existing one, or (production builds) /sw.js once active. */
export async function activeRegistration(): Promise<ServiceWorkerRegistration | undefined> {
  const existing = await navigator.serviceWorker.getRegistration();
  if (existing?.active) return existing;
  if (!existing && !config.serviceWorker) return undefined;
  if (!existing) await navigator.serviceWorker.register('/sw.js');
  return navigator.serviceWorker.ready;
}

/** Whether a subscription was made with this key (browsers that do not say are taken at their word). */
export function sameKey(subscription: PushSubscription, key: Uint8Array): boolean {
  const held = subscription.options?.applicationServerKey;
  if (!held) return true;
  const bytes = new Uint8Array(held);
  return bytes.length === key.length && bytes.every((byte, i) => byte === key[i]);
}

/** What registerPushSubscription takes, from a subscription. */
export function subscriptionInput(subscription: PushSubscription) {
  const json = subscription.toJSON();
  const p256dh = json.keys?.p256dh;
  const auth = json.keys?.auth;
  if (!json.endpoint || !p256dh || !auth) throw new Error('The browser gave a subscription without keys.');
  return { endpoint: json.endpoint, p256dh, auth };
}

/**
 * Subscribes this browser with the server's key; a subscription made with another key (the server's
 * keys changed) is replaced, since PushManager refuses a second key.
 */
export async function subscribe(registration: ServiceWorkerRegistration, publicKey: string): Promise<PushSubscription> {
  const key = base64UrlToBytes(publicKey);
  const existing = await registration.pushManager.getSubscription();
  if (existing && sameKey(existing, key)) return existing;
  if (existing) await existing.unsubscribe();
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
}
