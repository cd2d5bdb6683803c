import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import type { Role } from './role.js';

const ISSUER = 'nghe-dan';
const AUDIENCE = 'nghe-dan-api';

export interface AccessClaims {
  userId: string;
  role: Role;
  /** Bumped when the password changes, which revokes every older token. */
  tokenVersion: number;
}

export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = new Date((issuedAt + this.ttlSeconds) * 1000);
    const token = await new SignJWT({
      role: claims.role,
      ver: claims.tokenVersion,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** Resolves to the claims, or to null for any token that is malformed, forged or expired. */
  async verify(token: string): Promise<(AccessClaims & { expiresAt: Date }) | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.ver !== 'number' ||
        typeof payload.role !== 'string' ||
        typeof payload.exp !== 'number'
      )
        return null;
      return {
        userId: payload.sub,
        role: payload.role as Role,
        tokenVersion: payload.ver,
        expiresAt: new Date(payload.exp * 1000),
      };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return null;
      throw error;
    }
  }
}
