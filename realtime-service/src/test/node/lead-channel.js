// Two users of two organizations subscribe to LeadChannel with the unmodified @rails/actioncable
// client. Prints "READY" once both subscriptions are confirmed, then "<A|B> <message JSON>" for
// the first message each receives, and exits 0; exits 2 when that takes longer than the timeout.
// Usage: node lead-channel.js <cable url> <token A> <token B> [timeout seconds]
"use strict";

const WebSocket = require("ws");
const ActionCable = require("@rails/actioncable");

// The client is written for browsers: Node 20 has no global WebSocket, and no window or document,
// whose visibility and focus events the client only watches to reconnect faster when a tab comes
// back.
ActionCable.adapters.WebSocket = WebSocket;
globalThis.addEventListener = () => {};
globalThis.removeEventListener = () => {};
globalThis.document = {
  visibilityState: "visible",
  addEventListener() {},
  removeEventListener() {},
};

const [url, tokenA, tokenB, timeoutSeconds = "30"] = process.argv.slice(2);
if (!url || !tokenA || !tokenB) {
  console.error("usage: node lead-channel.js <cable url> <token A> <token B> [timeout seconds]");
  process.exit(64);
}

const consumers = [];
const confirmed = new Set();
const received = new Map();

function subscribe(name, token) {
  const consumer = ActionCable.createConsumer(`${url}?token=${encodeURIComponent(token)}`);
  consumers.push(consumer);
  consumer.subscriptions.create(
    { channel: "LeadChannel" },
    {
      connected() {
        confirmed.add(name);
        if (confirmed.size === 2) {
          console.log("READY");
        }
      },
      rejected() {
        console.error(`${name}: subscription rejected`);
        finish(3);
      },
      received(message) {
        if (!received.has(name)) {
          received.set(name, message);
          console.log(`${name} ${JSON.stringify(message)}`);
        }
        if (received.size === 2) {
          finish(0);
        }
      },
    },
  );
}

function finish(code) {
  consumers.forEach((consumer) => consumer.disconnect());
  setTimeout(() => process.exit(code), 100);
}

setTimeout(() => {
  console.error(`timed out: confirmed ${[...confirmed]}, received ${[...received.keys()]}`);
  finish(2);
}, Number(timeoutSeconds) * 1000);

subscribe("A", tokenA);
subscribe("B", tokenB);
