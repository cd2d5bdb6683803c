import { ref } from 'vue';

/** Bumped when this tab changes what is read, so the menu's unread count reads again at once. */
export const unreadChanged = ref(0);
