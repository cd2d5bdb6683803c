/** Shared by the global setup (which seeds the template database) and the test files. */
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';
export const DEMO_PASSWORD = 'demo-password-for-tests';
