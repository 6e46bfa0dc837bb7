// One user subscribes to LeadChannel and ConversationChannel with the unmodified
// @rails/actioncable client. Prints "READY" once both subscriptions are confirmed, then
// "<channel> <message JSON>" for the first message each channel receives, and exits 0; exits 2
// when that takes longer than the timeout.
// Usage: node live-channels.js <cable url> <token> [timeout seconds]
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

const CHANNELS = ["LeadChannel", "ConversationChannel"];
const [url, token, timeoutSeconds = "30"] = process.argv.slice(2);
if (!url || !token) {
  console.error("usage: node live-channels.js <cable url> <token> [timeout seconds]");
  process.exit(64);
}

const consumer = ActionCable.createConsumer(`${url}?token=${encodeURIComponent(token)}`);
const confirmed = new Set();
const received = new Map();

for (const channel of CHANNELS) {
  consumer.subscriptions.create(
    { channel },
    {
      connected() {
        confirmed.add(channel);
        if (confirmed.size === CHANNELS.length) {
          console.log("READY");
        }
      },
      rejected() {
        console.error(`${channel}: subscription rejected`);
        finish(3);
      },
      received(message) {
        if (!received.has(channel)) {
          received.set(channel, message);
          console.log(`${channel} ${JSON.stringify(message)}`);
        }
        if (received.size === CHANNELS.length) {
          finish(0);
        }
      },
    },
  );
}

function finish(code) {
  consumer.disconnect();
  setTimeout(() => process.exit(code), 100);
}

setTimeout(() => {
  console.error(`timed out: confirmed ${[...confirmed]}, received ${[...received.keys()]}`);
  finish(2);
}, Number(timeoutSeconds) * 1000);
