import type { RequestHandler } from 'express';

/**
 * Anything no route answered (`/graphql%00`, `/graphql/x` with another method, a POST to `/`):
 * the same JSON error shape as the API, instead of Express's HTML page.
 */
export const notFoundAsJson: RequestHandler = (_req, res) => {
  res.status(404).json({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
};
