export { collect, wsClient, type Collected } from '../../scripts/ws-client';
