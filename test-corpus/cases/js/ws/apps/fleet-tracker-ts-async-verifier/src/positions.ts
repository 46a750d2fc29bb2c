// corpus: no-findings
import { EventEmitter } from 'events';

export interface Position {
  vehicleId: string;
  lat: number;
  lng: number;
  at: number;
}

const updates = new EventEmitter();

export const positions = {
  report(p: Position): void {
    updates.emit('position', p);
  },
  onUpdate(listener: (p: Position) => void): () => void {
    updates.on('position', listener);
    return () => updates.off('position', listener);
  },
};
