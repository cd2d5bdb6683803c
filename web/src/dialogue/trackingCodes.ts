import { config } from '../config';

// Tracking codes of anonymous posts made on this device, by thread id, so the poster can reopen
// their thread. The code is their only key: it stays on their device and never goes in a URL.
const KEY = `${config.storagePrefix}trackingCodes`;

function all(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function rememberTrackingCode(threadId: string, code: string): void {
  globalThis.localStorage?.setItem(KEY, JSON.stringify({ ...all(), [threadId]: code }));
}

export function trackingCodeFor(threadId: string): string | null {
  return all()[threadId] ?? null;
}
