// The menu's dashboard label: the only monitoring text in the entry chunk (the rest loads with the page).
export const monitoringMenuMessages = {
  vi: { monitoringNav: { dashboard: 'Bảng theo dõi' } },
  en: { monitoringNav: { dashboard: 'Dashboard' } },
};
