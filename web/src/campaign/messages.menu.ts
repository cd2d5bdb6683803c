// The menu's campaign labels: the only campaign texts in the entry chunk (the rest load with the pages).
export const campaignMenuMessages = {
  vi: { campaignNav: { campaigns: 'Thi đua' } },
  en: { campaignNav: { campaigns: 'Campaigns' } },
};
