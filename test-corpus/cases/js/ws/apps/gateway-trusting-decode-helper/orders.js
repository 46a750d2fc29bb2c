// corpus: no-findings
const { EventEmitter } = require('events');

const fills = new EventEmitter();
const open = new Map();

async function openFor(account) {
  return open.get(account) ?? [];
}

function onFill(listener) {
  fills.on('fill', listener);
  return () => fills.off('fill', listener);
}

module.exports = { openFor, onFill, fills };
