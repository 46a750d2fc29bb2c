// corpus: no-findings
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

export interface Agent {
  id: string;
  team: string;
}

@Injectable()
export class AuthService {
  constructor(private readonly jwt: JwtService) {}

  async verifyToken(token: string): Promise<Agent> {
    const claims = await this.jwt.verifyAsync<{ sub: string; team: string }>(token);
    return { id: claims.sub, team: claims.team };
  }
}
