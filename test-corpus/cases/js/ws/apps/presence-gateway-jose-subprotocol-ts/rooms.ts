import { WebSocket } from 'ws';

export class WorkspaceRooms {
  private readonly rooms = new Map<string, Set<WebSocket>>();

  join(workspaceId: string, ws: WebSocket): void {
    let members = this.rooms.get(workspaceId);
    if (!members) {
      members = new Set();
      this.rooms.set(workspaceId, members);
    }
    members.add(ws);
  }

  leave(workspaceId: string, ws: WebSocket): void {
    const members = this.rooms.get(workspaceId);
    members?.delete(ws);
    if (members?.size === 0) this.rooms.delete(workspaceId);
  }

  publish(workspaceId: string, event: Record<string, unknown>): void {
    const data = JSON.stringify(event);
    for (const ws of this.rooms.get(workspaceId) ?? []) {
      if (ws.readyState === WebSocket.OPEN) ws.send(data); // ok: broadcast-to-all -- one workspace only
    }
  }
}
