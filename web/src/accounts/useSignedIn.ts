import { useRoute, useRouter } from 'vue-router';

/** After signing in or up: back where the person was going, or to the board. */
export function useAfterSignIn() {
  const route = useRoute();
  const router = useRouter();
  return () => {
    const next = typeof route.query.next === 'string' && route.query.next.startsWith('/') ? route.query.next : '/';
    void router.push(next);
  };
}
