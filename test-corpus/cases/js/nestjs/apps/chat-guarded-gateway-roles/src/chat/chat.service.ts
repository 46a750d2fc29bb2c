// corpus: no-findings
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

@Injectable()
export class ChatService {
  constructor(private readonly prisma: PrismaService) {}

  createMessage(roomId: string, authorId: string, text: string) {
    return this.prisma.message.create({ data: { roomId, authorId, text } });
  }

  deleteMessage(messageId: string) {
    return this.prisma.message.delete({ where: { id: messageId } });
  }

  muteUser(roomId: string, userId: string, minutes: number) {
    return this.prisma.mute.create({ data: { roomId, userId, until: new Date(Date.now() + minutes * 60_000) } });
  }

  roomsOf(userId: string) {
    return this.prisma.membership.findMany({ where: { userId } });
  }
}
