/**
 * Runs the desktop engine host in a plain Node child: Electron's utility process
 * gives it `process.parentPort`; here the same shape comes from Node's IPC channel.
 */
const port = {
  postMessage: (message: unknown) => process.send!(message),
  on: (_event: 'message', listener: (message: { data: unknown }) => void) => process.on('message', (data) => listener({ data })),
};
Object.defineProperty(process, 'parentPort', { value: port });
process.on('disconnect', () => process.exit(0));
await import('../../electron/host/host');
export {};
