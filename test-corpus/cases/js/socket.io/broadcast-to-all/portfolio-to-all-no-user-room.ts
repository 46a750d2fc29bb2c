import { Server } from 'socket.io'
import jwt from 'jsonwebtoken'
import { portfolioFor } from './portfolio'

// ok: missing-upgrade-auth
// ok: missing-origin-check -- the token comes in the handshake's auth, which a foreign page cannot supply
const io = new Server(9001, { cors: { origin: '*' } })

io.use((socket, next) => {
  try {
    const claims = jwt.verify(socket.handshake.auth.token, process.env.JWT_SECRET as string) as { sub: string }
    socket.data.userId = claims.sub
    next()
  } catch {
    next(new Error('unauthorized'))
  }
})

io.on('connection', (socket) => {
  socket.on('portfolio:refresh', async () => {
    const portfolio = await portfolioFor(socket.data.userId)
    // expect-no-fix: broadcast-to-all -- the handler joins no room of its user, and which field holds the user's id is the app's to say
    // expect: broadcast-to-all -- one user's portfolio to every connection
    io.emit('portfolio', portfolio)
  })
})
