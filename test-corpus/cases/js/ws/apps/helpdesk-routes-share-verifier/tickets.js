// corpus: no-findings
const { EventEmitter } = require('events');
const { Pool } = require('pg');

const db = new Pool();

const changes = new EventEmitter();

async function assignedTo(agentId) {
  return db.query('SELECT id, subject, status FROM tickets WHERE assignee = $1', [agentId]);
}

function watch(ticketId, onUpdate) {
  changes.on(`ticket:${ticketId}`, onUpdate);
}

module.exports = { assignedTo, watch, changes };
