import type { Role } from '../graphql/generated';

export interface MenuItem {
  /** Route name. */
  to: string;
  /** i18n key of the label. */
  label: string;
}

const BOARD: MenuItem = { to: 'board', label: 'nav.board' };
const POST: MenuItem = { to: 'post', label: 'nav.post' };
const CAMPAIGNS: MenuItem = { to: 'campaigns', label: 'campaignNav.campaigns' };
const FOLLOW: MenuItem = { to: 'follow', label: 'nav.follow' };
const REORGANISATION: MenuItem = { to: 'reorganisation', label: 'nav.reorganisation' };
const TEMPLATES: MenuItem = { to: 'templates', label: 'nav.templates' };
const DASHBOARD: MenuItem = { to: 'monitoring', label: 'monitoringNav.dashboard' };

/** The menu a role gets; signing in and out is added by the shell. */
export function menuFor(role: Role | null): MenuItem[] {
  switch (role) {
    case 'OFFICER':
      return [
        { to: 'inbox', label: 'nav.inbox' },
        { to: 'inbox-map', label: 'nav.map' },
        BOARD,
        DASHBOARD,
        CAMPAIGNS,
        TEMPLATES,
      ];
    case 'MONITOR':
      // The inbox with no unit: a read-only overview of every thread, overdue ones marked.
      return [BOARD, DASHBOARD, { to: 'inbox', label: 'nav.allThreads' }, CAMPAIGNS];
    case 'ADMIN':
      return [BOARD, DASHBOARD, { to: 'inbox', label: 'nav.allThreads' }, CAMPAIGNS, REORGANISATION, TEMPLATES];
    case 'CITIZEN':
      return [BOARD, POST, { to: 'mine', label: 'nav.mine' }, FOLLOW];
    case null:
      return [BOARD, POST, FOLLOW];
  }
}
