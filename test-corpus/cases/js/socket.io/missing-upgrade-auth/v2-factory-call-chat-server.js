'use strict'

const http = require('http')
const express = require('express')
const presence = require('./presence')

const app = express()
const server = http.createServer(app)

// expect: missing-upgrade-auth
// expect: missing-origin-check
const io = require('socket.io')(server)

io.on('connection', socket => {
  socket.on('room:join', room => {
    socket.join(room)
    presence.enter(room, socket.id)
  })
  socket.on('message', ({ room, text }) => {
    io.to(room).emit('message', { room, text, at: Date.now() })
  })
})

server.listen(process.env.PORT || 8080)
