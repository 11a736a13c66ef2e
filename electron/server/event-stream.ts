import type { ServerResponse } from 'node:http';
import type { AppEvent } from '../../shared/api/app-events';
import { toWire } from '../../shared/api/wire';

/** Server-sent events to every connected page (ingest progress, workspace opened). */
export class EventStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat = setInterval(() => this.write(': keep-alive\n\n'), 15_000);

  constructor() {
    this.heartbeat.unref();
  }

  attach(response: ServerResponse, headers: Record<string, string>): void {
    response.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  get listeners(): number {
    return this.clients.size;
  }

  readonly publish = (event: AppEvent): void => {
    this.write(`data: ${toWire(event)}\n\n`);
  };

  private write(text: string): void {
    for (const client of this.clients) client.write(text);
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}
