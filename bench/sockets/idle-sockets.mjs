// Opens COUNT sockets to /ws/events, each authenticated with the token, waits until every one has
// been admitted (connection.ready), holds them for HOLD seconds, then closes them. Prints "ready
// <n>" when all are open, so the caller can measure the server in between. AUTH is "query" (the
// token on the handshake URL, the default) or "message" (a first {"type":"auth","token"} message).
import WebSocket from "ws";

const [url, token, countText, holdText, parallelText, authText] = process.argv.slice(2);
const auth = authText || "query";
const count = Number(countText);
const holdSeconds = Number(holdText);
const parallel = Number(parallelText || 200);
const sockets = [];
let admitted = 0;
let failed = 0;

function open() {
  return new Promise((resolve) => {
    const target = auth === "query" ? `${url}?token=${encodeURIComponent(token)}` : url;
    const socket = new WebSocket(target, { perMessageDeflate: false });
    if (auth === "message") {
      socket.on("open", () => socket.send(JSON.stringify({ type: "auth", token })));
    }
    let settled = false;
    const done = (ok) => {
      if (!settled) {
        settled = true;
        ok ? admitted++ : failed++;
        resolve();
      }
    };
    socket.on("message", (data) => {
      if (String(data).includes("connection.ready")) done(true);
    });
    socket.on("close", (code, reason) => {
      if (!settled) console.error(`closed ${code} ${reason}`);
      done(false);
    });
    socket.on("error", (error) => {
      if (!settled) console.error(`error ${error.message}`);
      done(false);
    });
    sockets.push(socket);
  });
}

const started = Date.now();
for (let opened = 0; opened < count; opened += parallel) {
  const batch = [];
  for (let i = opened; i < Math.min(count, opened + parallel); i++) batch.push(open());
  await Promise.all(batch);
  if ((opened / parallel) % 10 === 0) console.error(`${admitted} admitted, ${failed} failed`);
}
console.log(`ready ${admitted} failed ${failed} seconds ${((Date.now() - started) / 1000).toFixed(1)}`);
await new Promise((resolve) => setTimeout(resolve, holdSeconds * 1000));
const stillOpen = sockets.filter((s) => s.readyState === WebSocket.OPEN).length;
console.log(`held ${stillOpen}`);
for (const socket of sockets) socket.terminate();
process.exit(failed > 0 ? 3 : 0);
