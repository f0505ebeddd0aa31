// The demo page: a Telegram-like chat with the demo bot for every persona of the example city.
// Everything is built with DOM calls (no innerHTML of anything the server sends), and the bot's
// HTML is re-created from an allow-list of Telegram's tags; the rest of it is text.

import { $, alertBox, el, toast } from "./dom.js";
import { chatView } from "./messages.js";
const page = {
  lang: localStorage.getItem("lapkin-demo-lang") === "en" ? "en" : "id",
  texts: {},
  personas: [],
  current: undefined,
  tour: [],
  jobs: [],
  invite: undefined,
  bot: { username: "" },
  clock: { offsetMs: 0, timeZone: "Asia/Jakarta" },
  pending: [],
};

const t = (key, vars = {}) => (page.texts[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => vars[name] ?? "");

async function call(path, options = {}) {
  const response = await fetch(`/demo/api${path}`, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? response.statusText);
  return body;
}
const post = (path, body) =>
  call(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) });

// --- texts and language -------------------------------------------------------------------------

async function loadTexts() {
  page.texts = await (await fetch(`/demo/texts/${page.lang}`)).json();
  document.documentElement.lang = page.lang;
  for (const el of document.querySelectorAll("[data-text]")) el.textContent = t(el.dataset.text);
  $("composer-input").placeholder = t("placeholder");
  $("attach-caption").placeholder = t("caption");
  $("language").textContent = t("language-switch");
  document.title = t("title");
}

$("language").addEventListener("click", async () => {
  page.lang = page.lang === "id" ? "en" : "id";
  localStorage.setItem("lapkin-demo-lang", page.lang);
  await loadTexts();
  await refreshState();
  await refreshChat();
});

// --- state: personas, clock, jobs, tour -----------------------------------------------------------

async function refreshState() {
  const state = await call("/state");
  Object.assign(page, {
    personas: state.personas,
    tour: state.tour,
    jobs: state.jobs,
    invite: state.invite,
    bot: state.bot,
  });
  setClock(state.clock);
  if (!page.current || !page.personas.some((p) => p.id === page.current)) {
    const start = page.personas.find((p) => p.tour === "invitee") ?? page.personas[0];
    page.current = start?.id;
  }
  renderPersonas();
  renderJobs();
  renderTour();
  renderChatHead();
}

const persona = (id = page.current) => page.personas.find((p) => p.id === id);
const initials = (name) =>
  name
    .replace(/^(Ir|Dra?|Drs)\.\s*/, "")
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0])
    .join("")
    .toUpperCase();
const roleText = (p) => p.roles.map((r) => t(`role-${r}`)).join(", ");

function renderPersonas() {
  const list = $("persona-list");
  list.replaceChildren(
    ...page.personas.map((p) => {
      const button = el("button", { type: "button", className: "persona", dataset: { persona: String(p.id) } });
      button.setAttribute("aria-current", String(p.id === page.current));
      const label = el("span");
      label.append(el("span", { className: "name", textContent: p.name }));
      const detail = [p.unit, roleText(p), p.linked || p.kind !== "employee" ? "" : t("not-linked")]
        .filter(Boolean)
        .join(" · ");
      label.append(el("span", { className: "role", textContent: detail }));
      button.append(el("span", { className: "avatar", textContent: initials(p.name) }), label);
      button.addEventListener("click", () => selectPersona(p.id));
      return el("li", {}, button);
    }),
  );
}

async function selectPersona(id) {
  page.current = id;
  page.pending = [];
  $("attach-panel").hidden = true;
  $("command-menu").hidden = true;
  renderPersonas();
  renderChatHead();
  await refreshChat();
}

function renderChatHead() {
  const p = persona();
  if (!p) return;
  $("chat-avatar").textContent = initials(p.name);
  $("chat-title").textContent = p.name;
  const sender = p.kind === "group" ? page.personas.find((x) => x.id === p.sendsAs) : undefined;
  $("chat-subtitle").textContent = sender
    ? t("sending-as", { name: sender.name })
    : [p.position, roleText(p)].filter(Boolean).join(" · ");
}

function setClock(clock) {
  page.clock = { offsetMs: new Date(clock.now).getTime() - Date.now(), timeZone: clock.timeZone };
  drawClock();
}

function drawClock() {
  const now = new Date(Date.now() + page.clock.offsetMs);
  const format = new Intl.DateTimeFormat(page.lang === "en" ? "en-GB" : "id-ID", {
    timeZone: page.clock.timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  });
  $("clock").textContent = format.format(now);
  $("clock").dataset.iso = now.toISOString();
}
setInterval(drawClock, 15_000);

$("next-day").addEventListener("click", async () => {
  setClock(await post("/clock/next-working-day"));
});

function renderJobs() {
  $("jobs").replaceChildren(
    ...page.jobs.map((name) => {
      const run = el("button", { type: "button", textContent: t("run"), dataset: { job: name } });
      run.addEventListener("click", () => runJob(name));
      return el("li", {}, el("span", { textContent: t(`job-${name}`) }), run);
    }),
  );
}

async function runJob(name) {
  try {
    const { results, clock } = await post(`/jobs/${name}`);
    setClock(clock);
    toast(t("job-ran", { job: t(`job-${name}`), count: String(results.length) }));
  } catch (error) {
    toast(t("failed", { reason: error.message }));
  }
}

function renderTour() {
  $("tour").replaceChildren(
    ...page.tour.map((step) => {
      const item = el("li", { className: step.done ? "done" : "", dataset: { step: step.id } });
      item.append(el("div", { className: "step-title", textContent: t(`tour-${step.id}-title`) }));
      item.append(el("div", { className: "step-body", textContent: t(`tour-${step.id}-body`) }));
      if (step.links?.length) item.append(stepLinks(step));
      if (step.done) item.append(el("span", { className: "done-mark", textContent: t("tour-done") }));
      else if (step.persona !== undefined) {
        const go = el("button", { type: "button", className: "go", textContent: t("tour-go") });
        go.addEventListener("click", () => doStep(step));
        item.append(go);
      }
      return item;
    }),
  );
}

/** A step's deep links (a counter's poster link): followed as the step's person, as a scan would. */
function stepLinks(step) {
  const list = el("ul", { className: "step-links" });
  for (const link of step.links) {
    const a = el("a", { href: link.href, textContent: link.text });
    a.addEventListener("click", async (event) => {
      event.preventDefault();
      await selectPersona(step.persona);
      await sendText(`/start ${link.payload}`);
    });
    list.append(el("li", {}, a));
  }
  return list;
}

async function doStep(step) {
  await selectPersona(step.persona);
  const action = step.action;
  if (!action) return;
  if (action.kind === "invite" && page.invite) await sendText(`/start ${page.invite}`);
  if (action.kind === "counter" && step.links?.length) await sendText(`/start ${step.links[0].payload}`);
  if (action.kind === "send") await sendText(action.text);
  if (action.kind === "job") await runJob(action.name);
}

const { renderMessages, renderReplyKeyboard, renderCommands } = chatView({ page, t, sendText, press });

// --- the chat -----------------------------------------------------------------------------------

let chatRequest = 0;
async function refreshChat() {
  const p = persona();
  if (!p) return;
  const request = ++chatRequest;
  const chat = await call(`/chats/${p.id}?lang=${page.lang}`);
  if (request !== chatRequest) return; // an answer for a persona no longer shown
  renderMessages(chat.messages, p);
  renderReplyKeyboard(chat.keyboard);
  renderCommands(chat.commands);
}

$("menu-button").addEventListener("click", () => ($("command-menu").hidden = !$("command-menu").hidden));

async function sendText(text) {
  try {
    await post(`/chats/${page.current}/text`, { text, lang: page.lang });
    await refreshChat();
  } catch (error) {
    toast(t("failed", { reason: error.message }));
  }
}

async function press(messageId, data) {
  try {
    await post(`/chats/${page.current}/press`, { messageId, data, lang: page.lang });
  } catch (error) {
    toast(t("failed", { reason: error.message }));
  }
}

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = $("composer-input");
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  sendText(text);
});

// --- attachments: from the computer or the sample photos ---------------------------------------------

$("attach-input").addEventListener("change", (event) => {
  addPending([...event.target.files]);
  event.target.value = "";
});

function addPending(files) {
  page.pending.push(...files.slice(0, 10 - page.pending.length));
  $("attach-panel").hidden = false;
  $("attach-previews").replaceChildren(
    ...page.pending.map((f) =>
      f.type.startsWith("image/")
        ? el("img", { src: URL.createObjectURL(f), alt: f.name })
        : el("span", { className: "file", textContent: f.name }),
    ),
  );
}

async function loadSamples() {
  const names = await (await fetch("/demo/samples")).json();
  $("sample-list").replaceChildren(
    ...names.map((name) => {
      const img = el("img", {
        src: `/demo/assets/${name}`,
        alt: name,
        title: name.replace(/^samples\//, ""),
        dataset: { sample: name },
      });
      img.addEventListener("click", async () => {
        const blob = await (await fetch(`/demo/assets/${name}`)).blob();
        addPending([new File([blob], name.replace(/^samples\//, ""), { type: "image/jpeg" })]);
      });
      return img;
    }),
  );
}

$("attach-cancel").addEventListener("click", () => {
  page.pending = [];
  $("attach-panel").hidden = true;
});

$("attach-send").addEventListener("click", async () => {
  if (!page.pending.length) return;
  const form = new FormData();
  for (const file of page.pending) form.append("file", file);
  form.append("caption", $("attach-caption").value);
  form.append("document", $("attach-document").checked ? "1" : "0");
  form.append("lang", page.lang);
  page.pending = [];
  $("attach-caption").value = "";
  $("attach-panel").hidden = true;
  try {
    await call(`/chats/${page.current}/media`, { method: "POST", body: form });
    await refreshChat();
  } catch (error) {
    toast(t("failed", { reason: error.message }));
  }
});
document.querySelector(".attach-button").addEventListener("click", () => {
  $("attach-panel").hidden = false;
});

// --- what the server tells: new messages, edits, button answers -----------------------------------------

let stateTimer;
function listen() {
  const events = new EventSource("/demo/events");
  events.addEventListener("update", (event) => {
    const data = JSON.parse(event.data);
    const p = persona();
    if (data.kind === "callback-answer") {
      const me = p?.kind === "group" ? p.sendsAs : p?.id;
      if (data.userId === me && data.text) (data.showAlert ? alertBox : toast)(data.text);
      return;
    }
    if (data.kind === "commands" || data.chatId === p?.chatId) refreshChat();
    clearTimeout(stateTimer);
    stateTimer = setTimeout(refreshState, 400); // tour steps and who is linked
  });
}

await loadTexts();
await refreshState();
await refreshChat();
await loadSamples();
listen();
document.body.dataset.ready = "true";
