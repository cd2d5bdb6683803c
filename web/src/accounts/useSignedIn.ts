import { useRoute, useRouter } from 'vue-router';
import { session } from './session';

/** Where a role starts its work: officers land on their unit's inbox, everyone else on the board. */
export function homeFor(role: string | null | undefined): string {
  return role === 'OFFICER' ? '/inbox' : '/';
}

/** After signing in or up: back where the person was going, or to where their role starts. */
export function useAfterSignIn() {
  const route = useRoute();
  const router = useRouter();
  return () => {
    const next =
      typeof route.query.next === 'string' && route.query.next.startsWith('/')
        ? route.query.next
        : homeFor(session.role.value);
    void router.push(next);
  };
}
