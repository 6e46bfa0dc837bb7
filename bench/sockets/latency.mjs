// deal.won commit -> /ws/events message and -> webhook receipt, beside raw Kafka produce -> consume,
// in one run on one machine (one clock). The event's own `time` (set in the transaction that
// commits the change) starts each crm measurement; its arrival at the socket and at the partner's
// receiver ends it.
import http from "node:http";
import { randomUUID } from "node:crypto";
import WebSocket from "ws";
import { Kafka, logLevel } from "kafkajs";

const [gateway, token, orgId, bootstrap, countText] = process.argv.slice(2);
const count = Number(countText || 100);
const auth = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
const socketMs = new Map();
const webhookMs = new Map();
// The stages in between: the outbox relay's send (the record's create time) and a plain Kafka
// consumer of the deal.won topic in a group of its own.
const relayMs = new Map();
const topicMs = new Map();

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
function report(name, values) {
  const v = [...values];
  if (v.length === 0) return console.log(`${name.padEnd(32)} no samples`);
  console.log(
    `${name.padEnd(32)} n=${String(v.length).padStart(4)}  p50=${percentile(v, 50).toFixed(1)} ms  p99=${percentile(v, 99).toFixed(1)} ms  max=${Math.max(...v).toFixed(1)} ms`);
}
async function api(method, path, body) {
  const response = await fetch(gateway + path, { method, headers: auth, body: body && JSON.stringify(body) });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

// The partner's receiver.
const receiver = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    const payload = JSON.parse(body);
    if (payload.event === "deal.won") webhookMs.set(payload.data.deal_id, Date.now() - Date.parse(payload.timestamp));
    response.writeHead(204).end();
  });
});
await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const endpoint = await api("POST", "/api/v1/webhooks", {
  url: `http://127.0.0.1:${receiver.address().port}/bench`, events: ["deal.won"], description: "latency bench" });

// The endpoint is removed again however the run ends, so that the demo organization keeps none.
const cleanUp = async () => {
  await fetch(`${gateway}/api/v1/webhooks/${endpoint.id}`, { method: "DELETE", headers: auth }).catch(() => {});
};
process.on("unhandledRejection", async (failure) => {
  console.error(String(failure));
  await cleanUp();
  process.exit(1);
});

// A plain consumer of the deal.won topic, as a stage between the relay and realtime-service.
const kafka = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING, clientId: "bench" });
const dealWon = kafka.consumer({ groupId: `bench.deal-won.${randomUUID().slice(0, 8)}`, maxWaitTimeInMs: 10 });
await dealWon.connect();
const joined = new Promise((resolve) => dealWon.on(dealWon.events.GROUP_JOIN, resolve));
await dealWon.subscribe({ topic: "deal.won", fromBeginning: false });
await dealWon.run({ eachMessage: async ({ message }) => {
  const event = JSON.parse(message.value.toString());
  const committed = Date.parse(event.time);
  relayMs.set(event.data.deal_id, Number(message.timestamp) - committed);
  topicMs.set(event.data.deal_id, Date.now() - committed);
} });
await joined;

// The frontend's event socket.
const socket = new WebSocket(`${gateway.replace(/^http/, "ws")}/ws/events?token=${encodeURIComponent(token)}`);
await new Promise((resolve, reject) => {
  socket.on("message", (data) => {
    const message = JSON.parse(String(data));
    if (message.event === "connection.ready") resolve();
    if (message.event === "deal.won") socketMs.set(message.data.deal_id, Date.now() - Date.parse(message.time));
  });
  socket.on("error", reject);
});

for (let i = 0; i < count; i++) {
  const deal = await api("POST", `/api/v1/workspaces/${orgId}/deals`, { title: `Bench ${i}`, value: 1000 + i, currency: "USD" });
  await api("PATCH", `/api/v1/deals/${deal.id}`, { stage: "won" });
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const deadline = Date.now() + 60_000;
while ((socketMs.size < count || webhookMs.size < count) && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 200));
}

// Raw Kafka on the same broker: produce -> consume of small messages, one at a time.
const topic = `bench.latency.${randomUUID().slice(0, 8)}`;
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
await admin.disconnect();
const producer = kafka.producer({ idempotent: true });
const consumer = kafka.consumer({ groupId: `${topic}.group`, maxWaitTimeInMs: 10 });
await producer.connect();
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
const kafkaMs = [];
let pending = null;
await consumer.run({ eachMessage: async ({ message }) => {
  kafkaMs.push(Date.now() - Number(message.value.toString()));
  pending?.();
} });
await new Promise((resolve) => setTimeout(resolve, 3000));
for (let i = 0; i < count; i++) {
  const arrived = new Promise((resolve) => (pending = resolve));
  await producer.send({ topic, acks: -1, messages: [{ key: "k", value: String(Date.now()) }] });
  await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, 5000))]);
}

console.log(`deals won: ${count}`);
report("deal.won -> /ws/events message", socketMs.values());
report("deal.won -> webhook receipt", webhookMs.values());
report("Kafka produce -> consume", kafkaMs);
console.log("stages of deal.won:");
report("  commit -> relay's send", relayMs.values());
report("  commit -> plain topic consumer", topicMs.values());
// Every deal, slowest socket first: where its time went.
const rows = [...socketMs.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
console.log("slowest to the socket (ms): deal  relay  topic  socket  webhook");
for (const [deal, ms] of rows) {
  console.log(`  ${deal.slice(0, 8)}  ${relayMs.get(deal) ?? "-"}  ${topicMs.get(deal) ?? "-"}  ${ms}  ${webhookMs.get(deal) ?? "-"}`);
}

await cleanUp();
socket.close();
receiver.close();
await consumer.disconnect();
await dealWon.disconnect();
await producer.disconnect();
process.exit(socketMs.size === count && webhookMs.size === count ? 0 : 3);
