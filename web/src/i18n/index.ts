import { createI18n } from 'vue-i18n';
import { privacyMessages } from '../accounts/messages';
import { campaignMenuMessages } from '../campaign/messages.menu';
import { config } from '../config';
import { monitoringMenuMessages } from '../monitoring/messages.menu';
import en from './en';
import vi from './vi';

export type Locale = 'vi' | 'en';

const STORAGE_KEY = `${config.storagePrefix}locale`;

function storedLocale(): Locale {
  const value = globalThis.localStorage?.getItem(STORAGE_KEY);
  return value === 'en' ? 'en' : 'vi';
}

export function createAppI18n(locale: Locale = storedLocale()) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'vi',
    messages: {
      vi: { ...vi, ...campaignMenuMessages.vi, ...monitoringMenuMessages.vi, ...privacyMessages.vi },
      en: { ...en, ...campaignMenuMessages.en, ...monitoringMenuMessages.en, ...privacyMessages.en },
    },
    datetimeFormats: {
      vi: { short: { dateStyle: 'short', timeStyle: 'short' } },
      en: { short: { dateStyle: 'medium', timeStyle: 'short' } },
    },
  });
}

/** Switch language, remember it and tell the browser (screen readers, hyphenation). */
export function rememberLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
