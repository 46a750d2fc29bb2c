import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ConfigService } from '@nestjs/config';

export interface AuthUser {
  sub: string;
  email: string;
  roles: string[];
}

@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: ConfigService,
  ) {}

  async verifyAccessToken(token: string): Promise<AuthUser> {
    try {
      // ok: unverified-token -- a failure is rethrown as UnauthorizedException
      return await this.jwt.verifyAsync<AuthUser>(token, {
        secret: this.config.get<string>('JWT_SECRET'),
      });
    } catch {
      throw new UnauthorizedException('invalid token');
    }
  }
}
