// corpus: no-findings
import { EventEmitter } from 'node:events';

export interface Ticket {
  id: string;
  queue: string;
  subject: string;
}

const events = new EventEmitter();

export const tickets = {
  publish(ticket: Ticket) {
    events.emit(ticket.queue, ticket);
  },
  watch(queue: string, listener: (ticket: Ticket) => void) {
    events.on(queue, listener);
    return () => {
      events.off(queue, listener);
    };
  },
};
