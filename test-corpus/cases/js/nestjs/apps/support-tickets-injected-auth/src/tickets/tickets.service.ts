// corpus: no-findings
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

@Injectable()
export class TicketsService {
  constructor(private readonly prisma: PrismaService) {}

  updateStatus(id: string, status: 'open' | 'pending' | 'closed') {
    return this.prisma.ticket.update({ where: { id }, data: { status } });
  }

  findById(id: string) {
    return this.prisma.ticket.findUnique({ where: { id }, include: { customer: true } });
  }
}
