// Multiplayer lobby for the browser game.
import { WebSocketServer, WebSocket } from "ws"
import * as http from "http"

type Lobby = { id: string; players: string[] }
const lobbies = new Map<string, Lobby>()

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || "").split(",").filter(Boolean))

// handleUpgrade runs verifyClient: a browser from any other Origin gets 403
function verifyOrigin(info: { origin: string }, done: (allowed: boolean, code?: number, message?: string) => void): void {
  done(ALLOWED_ORIGINS.has(info.origin), 403, "Forbidden")
}

// expect: missing-origin-check
const wss = new WebSocketServer({ // expect: missing-upgrade-auth
  noServer: true,
  maxPayload: 64 * 1024,
  verifyClient: verifyOrigin,
})

const httpServer = http.createServer((req, res) => res.writeHead(426).end())
httpServer.on("upgrade", (request, socket, head) => {
  const user = authenticateUpgrade(request)
  if (!user) {
    socket.write("HTTP/1.1 401 Unauthorized\r\n\r\n")
    socket.destroy()
    return
  }
  wss.handleUpgrade(request, socket, head, (ws) => {
    wss.emit("connection", ws, request, user)
  })
})
httpServer.listen(Number(process.env.WS_PORT ?? 9001))

// Rejects every upgrade until it is wired to the app's own check of the request's credential (its
// session cookie, or a token verified with the app's key): return the user, or null to answer 401.
function authenticateUpgrade(request: http.IncomingMessage): object | null {
  return null
}

wss.on("connection", (ws: WebSocket) => {
  ws.on("message", (data) => {
    const msg = JSON.parse(data.toString())
    if (msg.type === "join") {
      const lobby = lobbies.get(msg.lobbyId)
      lobby?.players.push(msg.name)
      ws.send(JSON.stringify({ type: "joined", lobby }))
    }
  })
})
