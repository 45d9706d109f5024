// The embedded store's server: dynalite on 127.0.0.1, shared by every botconfig process of one data/ directory.
// EmbeddedDynamoDb (bot-app) starts it detached, under data/server.lock, and copies this file to data/ first.
//
//   node embedded-server.js <dynalite package dir> <data dir> <idle stop, ms>
//
// It writes data/dynalite.address ("http://127.0.0.1:PORT" and its pid, mode 0600) once it listens, and stops by
// itself when nobody needs it any more: no request and no open connection for <idle stop>, no live bot (the pid in
// data/bot.lock) and no live command attached to it (a file data/clients/<pid> each, removed when it ends; a command
// that crashed leaves its file, which counts no more once its process is gone). SIGTERM stops it at once. Either way it removes the address file only while it still names this
// process, so it never takes the address of a newer server. Terminal signals (Ctrl-C, a closed terminal) are for the
// command that started it, not for a server other processes may share: they are ignored.
'use strict'
const fs = require('fs')
const path = require('path')

const [dynaliteDir, dataDir, idleArg] = process.argv.slice(2)
const idleMs = Number(idleArg)
process.umask(0o077) // data/ is single-user: LevelDB's files too are 0600
const addressFile = path.join(dataDir, 'dynalite.address')
const botLock = path.join(dataDir, 'bot.lock')
const clients = path.join(dataDir, 'clients')

const server = require(dynaliteDir)({
  path: path.join(dataDir, 'dynalite'),
  createTableMs: 0,
  // A deleted table must be gone at once: with the default 500 ms, a table deleted just before a stop stays DELETING.
  deleteTableMs: 0,
  updateTableMs: 0,
})

let lastActivity = Date.now()
let connections = 0
let stopping = false
let address = ''
server.on('request', () => { lastActivity = Date.now() })
server.on('connection', (socket) => {
  connections++
  socket.on('close', () => { connections--; lastActivity = Date.now() })
})

function alive (pid) {
  if (!(pid > 0)) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return e.code === 'EPERM'
  }
}

function botAlive () {
  try {
    return alive(parseInt(fs.readFileSync(botLock, 'utf8'), 10))
  } catch (e) {
    return false
  }
}

function clientAlive () {
  let names
  try {
    names = fs.readdirSync(clients)
  } catch (e) {
    return false
  }
  let any = false
  for (const name of names) {
    if (alive(parseInt(name, 10))) {
      any = true
    } else {
      try { fs.unlinkSync(path.join(clients, name)) } catch (e) { /* removed meanwhile */ }
    }
  }
  return any
}

function stop (why) {
  if (stopping) return
  stopping = true
  console.log(new Date().toISOString() + ' stopping (' + why + ')')
  try {
    if (fs.readFileSync(addressFile, 'utf8').split('\n')[0] === address) fs.unlinkSync(addressFile)
  } catch (e) {
    // Gone already, or another server's: not ours to remove.
  }
  setTimeout(() => process.exit(0), 5000).unref()
  server.close(() => process.exit(0))
}

process.on('SIGINT', () => {})
process.on('SIGHUP', () => {})
process.on('SIGTERM', () => stop('SIGTERM'))

server.listen(0, '127.0.0.1', () => {
  address = 'http://127.0.0.1:' + server.address().port
  const temporary = addressFile + '.' + process.pid
  fs.writeFileSync(temporary, address + '\n' + process.pid + '\n', { mode: 0o600 })
  fs.renameSync(temporary, addressFile)
  console.log(new Date().toISOString() + ' listening at ' + address + ', pid ' + process.pid + ', data in ' + dataDir)
  setInterval(() => {
    if (connections === 0 && Date.now() - lastActivity >= idleMs && !botAlive() && !clientAlive()) {
      stop('idle for ' + idleMs + ' ms')
    }
  }, Math.max(100, Math.min(1000, idleMs))).unref()
})
