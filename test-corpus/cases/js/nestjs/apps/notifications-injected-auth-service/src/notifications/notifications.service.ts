// corpus: no-findings
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Notification } from './notification.entity';

@Injectable()
export class NotificationsService {
  constructor(@InjectRepository(Notification) private readonly repo: Repository<Notification>) {}

  findOne(id: string) {
    return this.repo.findOne({ where: { id } });
  }

  markRead(userId: string, id: string) {
    return this.repo.update({ id, userId }, { read: true });
  }

  delete(id: string) {
    return this.repo.delete(id);
  }
}
