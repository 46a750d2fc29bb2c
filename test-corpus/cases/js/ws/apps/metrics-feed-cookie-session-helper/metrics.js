// corpus: no-findings
const { EventEmitter } = require('events');

const feed = new EventEmitter();
feed.setMaxListeners(0);

// Samples arrive from the collectors over UDP and are fanned out per series.
function publish(series, point) {
  feed.emit(series, point);
}

function watch(series, onPoint) {
  feed.on(series, onPoint);
  return () => feed.off(series, onPoint);
}

module.exports = { publish, watch };
