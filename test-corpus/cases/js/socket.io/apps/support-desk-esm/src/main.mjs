// corpus: no-findings
import { httpServer, io } from './io.mjs';
import { registerAgents } from './agents.mjs';
import './realtime.mjs';

registerAgents(io);
httpServer.listen(process.env.PORT || 3000);
