// The chat of the demo page: bubbles, Telegram's HTML from an allow-list of its tags (the rest is
// text), inline and reply keyboards, the command menu. Built with DOM calls only.
import { $, el } from "./dom.js";

/** `ctx`: the page's state, its translation, and what a press or a typed text does. */
export function chatView({ page, t, sendText, press }) {
  function renderMessages(messages, p) {
    const list = $("messages");
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
    const items = [];
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i];
      // An album's photos are one bubble, as in Telegram.
      const album = m.album ? messages.slice(i).filter((x, j) => x.album === m.album && j < 10) : [m];
      if (m.album) i += album.length - 1;
      items.push(bubble(album, p));
    }
    list.replaceChildren(...items);
    if (atBottom || items.length) list.scrollTop = list.scrollHeight;
  }

  function bubble(group, p) {
    const first = group[0];
    const mine = !first.fromBot;
    const item = el("li", { className: `msg${mine ? " mine" : ""}`, dataset: { id: String(first.id) } });
    if (p.kind === "group" || (!mine && first.sender && p.kind === "group"))
      item.append(el("div", { className: "sender", textContent: first.sender }));
    const photos = group.filter((m) => m.photo);
    if (photos.length > 1)
      item.append(el("div", { className: "album" }, ...photos.map((m) => el("img", { src: m.photo, alt: "" }))));
    else if (photos.length === 1) item.append(el("img", { src: photos[0].photo, alt: "" }));
    for (const m of group) {
      if (m.document)
        item.append(
          el("a", {
            className: "document",
            href: m.document.url,
            target: "_blank",
            textContent: `📄 ${m.document.name}`,
          }),
        );
      const body = m.text ?? m.caption;
      if (body) item.append(formatted(body, m.html));
    }
    if (first.buttons?.length) item.append(inlineKeyboard(first));
    const time = new Intl.DateTimeFormat(page.lang === "en" ? "en-GB" : "id-ID", {
      timeZone: page.clock.timeZone,
      hour: "2-digit",
      minute: "2-digit",
    }).format(new Date(first.date * 1000));
    item.append(el("div", { className: "meta", textContent: first.edited ? `${t("edited")} ${time}` : time }));
    return item;
  }

  const TAGS = {
    b: "b",
    strong: "b",
    i: "i",
    em: "i",
    u: "u",
    ins: "u",
    s: "s",
    strike: "s",
    del: "s",
    code: "code",
    pre: "pre",
    a: "a",
    blockquote: "blockquote",
    "tg-spoiler": "span",
    span: "span",
  };

  /** Telegram HTML re-created from its allowed tags; anything else becomes its text. */
  function formatted(text, html) {
    const box = el("div", { className: "text" });
    if (!html) {
      appendLinked(box, text);
      return box;
    }
    const doc = new DOMParser().parseFromString(`<body>${text}</body>`, "text/html");
    copySafe(doc.body, box);
    return box;
  }

  /** Addresses in a text become links, as Telegram shows them (the dashboard's login link). */
  function appendLinked(to, text) {
    for (const [i, part] of text.split(/(https?:\/\/[^\s<>"]+)/).entries()) {
      if (i % 2 === 0) {
        if (part) to.append(part);
        continue;
      }
      const a = el("a", { href: part, target: "_blank", rel: "noopener noreferrer", textContent: part });
      a.addEventListener("click", (event) => followLink(event, part));
      to.append(a);
    }
  }

  function copySafe(from, to) {
    for (const node of from.childNodes) {
      // Telegram makes no link inside a link or code.
      if (node.nodeType === Node.TEXT_NODE && ["a", "code", "pre"].includes(to.localName)) to.append(node.textContent);
      else if (node.nodeType === Node.TEXT_NODE) appendLinked(to, node.textContent);
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const tag = TAGS[node.localName];
      if (!tag) {
        copySafe(node, to);
        continue;
      }
      const out = document.createElement(tag);
      if (tag === "a") {
        const href = node.getAttribute("href") ?? "";
        if (/^https?:\/\//i.test(href)) Object.assign(out, { href, target: "_blank", rel: "noopener noreferrer" });
        out.addEventListener("click", (event) => followLink(event, href));
      }
      if (node.localName === "tg-spoiler" || node.classList.contains("tg-spoiler")) out.className = "spoiler";
      copySafe(node, out);
      to.append(out);
    }
  }

  /** A t.me link to the bot with ?start= is a deep link: the page sends /start <payload>, as Telegram would. */
  function followLink(event, href) {
    const deep = /^https:\/\/t\.me\/(\w+)\?start=([\w-]+)$/.exec(href);
    if (!deep || deep[1] !== page.bot.username) return;
    event.preventDefault();
    sendText(`/start ${deep[2]}`);
  }

  function inlineKeyboard(message) {
    const box = el("div", { className: "inline-keyboard" });
    for (const row of message.buttons) {
      const line = el("div", { className: "row" });
      for (const b of row) {
        const button = el("button", { type: "button", className: "inline-btn", textContent: b.text });
        if (b.data !== undefined) button.addEventListener("click", () => press(message.id, b.data));
        else if (b.url)
          button.addEventListener(
            "click",
            (event) => (followLink(event, b.url), event.defaultPrevented || window.open(b.url, "_blank", "noopener")),
          );
        line.append(button);
      }
      box.append(line);
    }
    return box;
  }

  function renderReplyKeyboard(rows) {
    const box = $("reply-keyboard");
    box.hidden = !rows?.length;
    box.replaceChildren(
      ...(rows ?? []).map((row) =>
        el(
          "div",
          { className: "row" },
          ...row.map((text) => {
            const button = el("button", { type: "button", textContent: text });
            button.addEventListener("click", () => sendText(text));
            return button;
          }),
        ),
      ),
    );
  }

  function renderCommands(commands) {
    const menu = $("command-menu");
    menu.replaceChildren(
      ...commands.map((c) => {
        const button = el(
          "button",
          { type: "button" },
          el("span", { className: "command", textContent: `/${c.command}` }),
          c.description,
        );
        button.addEventListener("click", () => {
          menu.hidden = true;
          sendText(`/${c.command}`);
        });
        return button;
      }),
    );
    $("menu-button").hidden = commands.length === 0;
  }

  return { renderMessages, renderReplyKeyboard, renderCommands };
}
