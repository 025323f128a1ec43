"""The Telegram adapter: python-telegram-bot's `Application` over the same engine.

Each handler turns an update into an engine input, takes the turn (saved before
anything is sent), and sends the replies; choices become inline keyboard buttons
whose callback data is `1:<question>:<value>`, never the person's words. Updates come
in through the inbox (`bot.receiving`), so nothing delivered is lost in a crash. Updates
of one person are handled one at a time and in order, different people at once
(`OnePersonAtATime`). Outgoing messages go through python-telegram-bot's rate
limiter, which waits out 429s; network errors and timeouts are retried with backoff;
a 403 means the person blocked the bot and is recorded.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import threading
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from telegram import (
    Bot,
    BotCommand,
    ChatMember,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    Update,
    User,
)
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden, NetworkError
from telegram.ext import (
    Application,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    ChatMemberHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.app import App, open_app
from bot.conversations import Clock
from bot.logs import pseudonym, quiet_libraries, where
from bot.pacing import SENDING_REMINDER, RepliesFirst, RoomForReplies
from bot.person_locks import PersonLocks
from bot.receiving import Batch, InboxRequest, Webhook, bare, parse_webhook_body, serve_webhook
from bot.reminders import EVERY, ReminderLoop
from bot.rendering import Shown, render
from bot.settings import Settings
from dialogue_flows.engine import COMMANDS
from dialogue_flows.records import PersonId
from dialogue_flows.types import Input, Msg, Pick, Text, Turn, Unreadable

logger = logging.getLogger(__name__)

CALLBACK_VERSION = "1"
MAX_MESSAGE_CHARS = 4096
SCALE_ROW = 6


def callback_data(ask_id: int | None, value: str) -> str:
    return f"{CALLBACK_VERSION}:{ask_id or 0}:{value}"


def parse_callback(data: str | None) -> Pick:
    """A press as the engine sees it; anything unknown becomes a press on no question."""
    version, _, rest = (data or "").partition(":")
    ask_id, _, value = rest.partition(":")
    if version != CALLBACK_VERSION or not (ask_id.isascii() and ask_id.isdigit()):
        return Pick(value="", ask_id=-1)
    return Pick(value=value, ask_id=int(ask_id))


def keyboard(shown: Shown) -> InlineKeyboardMarkup | None:
    if not shown.choices:
        return None
    buttons = [
        InlineKeyboardButton(label, callback_data=callback_data(shown.ask_id, value))
        for value, label in shown.choices
    ]
    width = SCALE_ROW if shown.is_scale else 1
    return InlineKeyboardMarkup([buttons[i : i + width] for i in range(0, len(buttons), width)])


def utf16_length(text: str) -> int:
    """Telegram's measure of a message: UTF-16 code units (an emoji is often two)."""
    return len(text.encode("utf-16-le")) // 2


def pieces(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Split a long text so that each piece fits one Telegram message: between
    paragraphs if it can, else between lines, else between words, else anywhere
    (never inside a character)."""
    if utf16_length(text) <= limit:
        return [text]
    for separator in ("\n\n", "\n", " "):
        chunks = text.split(separator)
        if len(chunks) == 1:
            continue
        found: list[str] = []
        current = chunks[0]
        for chunk in chunks[1:]:
            candidate = f"{current}{separator}{chunk}"
            if utf16_length(candidate) > limit:
                found.append(current)
                current = chunk
            else:
                current = candidate
        return [piece for part in [*found, current] for piece in pieces(part, limit)]
    units = 0
    for cut, character in enumerate(text):
        units += 2 if ord(character) > 0xFFFF else 1
        if units > limit:
            return [text[:cut], *pieces(text[cut:], limit)]
    return [text]


SEND_POOL = 16
"""Connections for sending: httpx scans its whole pool on every request, so a small one
is faster, and the rate limiter allows about 30 messages a second anyway."""
ADOPT_AFTER = timedelta(minutes=2)
"""How long an update may wait in the inbox unhandled before another instance takes it
over (its own instance stopped). Far longer than any turn, even under load."""
ADOPT_BATCH = 100
UNBOUNDED = 1 << 30
"""The library's own bound on concurrent updates: none; `OnePersonAtATime` bounds them."""


class OnePersonAtATime(BaseUpdateProcessor):
    """Updates of one person in arrival order; different people concurrently.

    The person's own lock comes first, and only then one of the shared `slots`: so one
    person's backlog waits in its own queue and holds at most one slot, and another
    person's message (a crisis among them) never waits behind someone else's flood.
    (The library's own semaphore would be taken before the lock; it is left unbounded.)
    `after` runs once each update is handled: the inbox marks it so.
    """

    def __init__(self, after: Callable[[object], Awaitable[None]], slots: int = 256) -> None:
        super().__init__(UNBOUNDED)
        self._locks: PersonLocks[int] = PersonLocks()
        self._slots = asyncio.Semaphore(slots)
        self._after = after

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        sender = sender_id(update) if isinstance(update, Update) else None
        async with contextlib.AsyncExitStack() as stack:
            if sender is not None:
                await stack.enter_async_context(self._locks.hold(sender))
            async with self._slots:
                await coroutine
        await self._after(update)

    async def initialize(self) -> None:
        """Nothing to allocate: locks are made as people write."""

    async def shutdown(self) -> None:
        """Nothing to free."""


@dataclass(frozen=True)
class Retry:
    """How often, and after how long, a send is tried again after a network failure."""

    delays: Sequence[float] = (0.5, 2.0, 5.0)


@dataclass(frozen=True)
class BotSettings:
    """What the Telegram side needs to start: from the environment, or from a test."""

    token: str
    db_path: Path | str
    """The SQLite file, or a PostgreSQL URL."""
    clock: Clock
    base_url: str | None = None
    service: Settings = field(default_factory=lambda: Settings(_env_file=None))
    retry: Retry = Retry()
    remind_every: float | None = 30.0
    """Seconds between looks for due check-ins; None runs no loop (tests tick it)."""
    instance: str | None = None
    """Who claims reminders (`bot.reminders.this_instance` when None): unique among the
    instances sharing a database, the same after a restart."""
    warm_up: bool = False
    """Build the engine's lazy tables in a thread at start (`growcoach run`), so the first
    person to name a town or write at all does not hold everyone up for seconds."""


class TelegramBot:
    """The handlers, the `App` they share (opened in `post_init`, closed after), and the
    reminder loop that runs beside them."""

    def __init__(self, settings: BotSettings) -> None:
        self.settings = settings
        self._token = settings.token
        self._retry = settings.retry
        self._stack = AsyncExitStack()
        self._app: App | None = None
        self._reminders: ReminderLoop | None = None
        self._open_keyboards: dict[int, int] = {}
        """chat → the last message whose buttons still work (only the newest question's do)."""
        self._closed: dict[int, int] = {}
        """chat → the last message whose buttons were taken off: never twice (a double press)."""
        self._reminder_task: asyncio.Task[None] | None = None
        self._polls = False
        """Whether this process polls Telegram (`run_polling`), rather than a webhook."""
        self._polling = InboxRequest()
        self._bare: set[int] = set()
        self._in_flight: set[int] = set()
        """Updates this process has queued and not yet handled (never adopted by it again)."""
        self._adopting: asyncio.Task[None] | None = None
        """Updates passed on as their id alone (set aside, or delivered twice)."""
        self._forgotten_at: datetime | None = None
        """When the inbox last dropped the ids of updates handled over a day ago."""
        self.replies_first = RepliesFirst()
        self.application = self._build()

    def _build(self) -> Application[Any, Any, Any, Any, Any, Any]:
        """Everything Telegram needs, wired once: handlers, rate limiter, update order."""
        # Opt in to python-telegram-bot's coming timedelta durations (as its warning asks).
        os.environ.setdefault("PTB_TIMEDELTA", "true")
        quiet_libraries()  # their debug logs can hold message text and the token
        builder = (
            Application.builder()
            .token(self._token)
            .concurrent_updates(OnePersonAtATime(self._handled))
            .get_updates_request(self._polling)
            .connection_pool_size(SEND_POOL)
            .post_init(self.post_init)
            .post_shutdown(self.post_shutdown)
        )
        if self.settings.service.telegram_rate_limit:
            builder.rate_limiter(RoomForReplies())  # the builder keeps it
        base_url = self.settings.base_url
        if base_url:
            builder = builder.base_url(base_url).base_file_url(file_url(base_url))
        application = builder.build()
        private = filters.ChatType.PRIVATE
        application.add_handlers(
            [
                ChatMemberHandler(self.on_member, ChatMemberHandler.MY_CHAT_MEMBER),
                MessageHandler(~private, self.on_not_private),
                MessageHandler(filters.UpdateType.EDITED, self.on_edited),
                MessageHandler(filters.TEXT, self.on_text),
                CallbackQueryHandler(self.on_press),
                MessageHandler(filters.ALL, self.on_unreadable),
            ]
        )
        application.add_error_handler(self.on_error)
        return application

    @property
    def reminders(self) -> ReminderLoop:
        if self._reminders is None:
            raise RuntimeError("the bot has not been initialised")
        return self._reminders

    @property
    def app(self) -> App:
        if self._app is None:
            raise RuntimeError("the bot has not been initialised")
        return self._app

    async def post_init(self, application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Open the database, set the command menu, start the reminder loop, hand in what
        the inbox holds unhandled, then look now and then for updates to adopt."""
        settings = self.settings
        self._app = await self._stack.enter_async_context(
            open_app(settings.db_path, settings.clock, settings.service)
        )
        self._reminders = ReminderLoop(
            self._app, self.deliver_reminder, settings.clock,
            interval=settings.remind_every or EVERY, owner=settings.instance,
        )  # fmt: skip
        await self._app.database.serve_bot(self._token.split(":")[0], polling=self._polls)
        if settings.remind_every is not None:
            self._reminder_task = asyncio.create_task(self._reminders.run())
        if settings.warm_up:  # a daemon thread: a stop soon after start does not wait for it
            warm_up = self._app.conversations.engine.warm_up
            threading.Thread(target=warm_up, name="warm-up", daemon=True).start()
        await self._set_menu(application.bot)
        inbox = self._app.database.inbox
        self._polling.admit = self.admit
        for payload in await inbox.waiting():  # received before a crash, not yet handled
            update = Update.de_json(json.loads(payload), application.bot)
            self._in_flight.add(update.update_id)
            await application.update_queue.put(update)
        if settings.remind_every is not None:  # after those: they are this process's own
            self._adopting = asyncio.create_task(self._adopt_forever(settings.remind_every))

    async def adopt(self) -> list[Update]:
        """Updates another instance kept in the inbox but never handled (it stopped), once
        they have waited `ADOPT_AFTER`. If that instance was only slow, the turn it took
        is not repeated: the turn checks its update is not handled yet."""
        now = self.settings.clock()
        adopted = []
        for payload in await self.app.database.inbox.adopt(now, ADOPT_AFTER, ADOPT_BATCH):
            update = Update.de_json(json.loads(payload), self.application.bot)
            if update.update_id not in self._in_flight:
                self._in_flight.add(update.update_id)
                adopted.append(update)
        return adopted

    async def _adopt_forever(self, interval: float) -> None:
        while True:
            try:
                for update in await self.adopt():
                    await self.application.update_queue.put(update)
            except Exception as error:
                logger.warning("could not look for updates to adopt (%s)", type(error).__name__)
            await asyncio.sleep(interval)

    async def admit(self, batch: Batch) -> Batch:
        """Each update read on its own and kept in the inbox, before Telegram is told it
        arrived; what cannot be read, or came before, goes on as its id alone."""
        now = self.settings.clock()
        if self._forgotten_at is None or now - self._forgotten_at > timedelta(hours=1):
            await self.app.database.inbox.forget(now)  # ids handled over a day ago
            self._forgotten_at = now
        readable: list[tuple[int, str]] = []
        senders: dict[int, str] = {}
        for raw in batch:
            update_id = raw.get("update_id")
            if not isinstance(update_id, int):
                continue
            payload = json.dumps(raw, ensure_ascii=False)
            try:
                sender = sender_id(Update.de_json(raw, self.application.bot))
            except Exception as error:
                logger.warning("update %d cannot be read (%s); it is set aside",
                               update_id, type(error).__name__)  # fmt: skip
                await self.app.database.inbox.set_aside(update_id, now)
                continue
            readable.append((update_id, payload))
            if sender is not None:
                senders[update_id] = person_id(sender)
        new = await self.app.database.inbox.receive(readable, now, senders)
        self._in_flight |= new
        passed: Batch = []
        for raw in batch:
            update_id = raw.get("update_id")
            if isinstance(update_id, int):
                if update_id not in new:
                    self._bare.add(update_id)
                passed.append(raw if update_id in new else bare(update_id))
        return passed

    async def receive_webhook(self, body: bytes) -> int:
        """One update posted to the webhook: 200 once it is in the inbox (or set aside)."""
        batch = parse_webhook_body(body)
        if batch is None:
            logger.warning("a webhook request that is not an update was refused")
            return 400
        [passed] = await self.admit(batch) or [bare(-1)]
        if passed.keys() == {"update_id"}:
            self._bare.discard(int(passed["update_id"]))
            return 200
        update = Update.de_json(passed, self.application.bot)
        for earlier in await self._before(update):
            await self.application.update_queue.put(earlier)
        await self.application.update_queue.put(update)
        return 200

    async def _before(self, update: Update) -> list[Update]:
        """The sender's earlier updates still waiting in the inbox that another instance
        took (it stopped, or is slower): taken first, so one person's messages are
        applied in order whichever instances they reach. If the other instance is only
        slower, the turn that comes second sees the update handled and stays quiet."""
        sender = sender_id(update)
        if sender is None:
            return []
        waiting = await self.app.database.inbox.before(update.update_id, person_id(sender))
        taken = []
        for update_id, payload in waiting:
            if update_id not in self._in_flight:
                self._in_flight.add(update_id)
                taken.append(Update.de_json(json.loads(payload), self.application.bot))
        return taken

    async def _handled(self, update: object) -> None:
        """After an update's handlers: it is done, whatever they did (a turn that changed
        something has marked it already, in its own statement)."""
        if not isinstance(update, Update) or self._app is None:
            return
        self._in_flight.discard(update.update_id)
        if update.update_id in self._bare:
            self._bare.discard(update.update_id)
            return
        await self._app.database.inbox.done(update.update_id, self.settings.clock())

    def run_polling(self) -> None:
        """Poll Telegram; refused at start when another process polls for this bot."""
        self._polls = True
        self.application.run_polling(allowed_updates=Update.ALL_TYPES)

    async def run_webhook(self, webhook: Webhook) -> None:
        """python-telegram-bot's `Application`, fed by our own webhook server."""
        application = self.application
        await application.initialize()
        try:
            await self.post_init(application)
            await application.bot.set_webhook(
                webhook.url, secret_token=webhook.secret, allowed_updates=Update.ALL_TYPES
            )
            await serve_webhook(webhook, self.receive_webhook, application.start)
        finally:
            if application.running:
                await application.stop()
            await self.post_shutdown(application)
            await application.shutdown()

    async def _set_menu(self, bot: Bot) -> None:
        for language in self.app.catalogue.languages:
            commands = [
                BotCommand(
                    command.name, self.app.catalogue.render(Msg(command.menu_key), language)
                )
                for command in COMMANDS
                if command.in_menu
            ]
            code = None if language == "en" else language
            await bot.set_my_commands(commands, language_code=code)

    async def post_shutdown(self, _: Application[Any, Any, Any, Any, Any, Any]) -> None:
        for task in (self._reminder_task, self._adopting):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        await self._stack.aclose()

    # -- handlers -------------------------------------------------------------------

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Free text and /commands: the engine tells them apart."""
        message = update.effective_message
        if message is not None and message.text is not None:
            await self.take_turn(context.bot, update, Text(message.text, message.date))

    async def on_press(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A button: answered at once, marked on its message, then a turn like any other."""
        query = update.callback_query
        if query is None:
            return
        await self._quietly(query.answer())
        async with self.replies_first.reply():  # until the replies are sent, too
            turn = await self.take_turn(context.bot, update, parse_callback(query.data), False)
            message = query.message
            if isinstance(message, Message):
                if self._open_keyboards.get(message.chat_id) == message.message_id:
                    del self._open_keyboards[message.chat_id]
                if self._closing(message.chat_id, message.message_id):
                    await self._close_question(message, query.data, marked=turn.answered)
            await self.send_turn(context.bot, update, turn)

    async def on_unreadable(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice, video, documents, locations and the like."""
        await self.take_turn(context.bot, update, Unreadable("media"))

    async def on_edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self.take_turn(context.bot, update, Unreadable("edited"))

    async def on_not_private(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Groups and channels: a word on where to find the bot, and nothing stored."""
        chat = update.effective_chat
        if chat is None or update.edited_message is not None or update.message is None:
            return
        text = self.app.catalogue.render(Msg("private_only"), language_of(update.effective_user))
        await self._deliver(context.bot, chat.id, None, text, None)

    async def on_member(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        """Telegram tells us when a person blocks the bot: stop writing to them."""
        change = update.my_chat_member
        if (
            change is not None
            and change.chat.type == ChatType.PRIVATE  # leaving a group is not blocking
            and change.new_chat_member.status == ChatMember.BANNED
        ):
            await self.app.conversations.mark_blocked(person_id(change.from_user.id))

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log where it failed, never what was said; tell the person kindly."""
        error = context.error
        user = update.effective_user if isinstance(update, Update) else None
        logger.error(
            "update %s for person %s failed: %s at %s",
            update.update_id if isinstance(update, Update) else "-",
            pseudonym(person_id(user.id), self._token) if user else "-",
            type(error).__name__,
            where(error),
        )
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is not None and chat.type == "private" and self._app is not None:
            text = self.app.catalogue.render(Msg("error.internal"), language_of(user))
            await self._deliver(context.bot, chat.id, None, text, None)

    # -- turns and sending ----------------------------------------------------------

    async def take_turn(self, bot: Bot, update: Update, event: Input, send: bool = True) -> Turn:
        sender = sender_id(update)
        if sender is None:
            raise ValueError("an update without a person")
        async with self.replies_first.reply():
            turn = await self.app.conversations.handle(
                person_id(sender), event, language_of(update.effective_user), update.update_id
            )
            if send:
                await self.send_turn(bot, update, turn)
        return turn

    async def send_turn(self, bot: Bot, update: Update, turn: Turn) -> None:
        chat = update.effective_chat
        sender = sender_id(update)
        if chat is None or sender is None:
            return
        delivered = await self.send_replies(bot, chat.id, sender, turn)
        if delivered and turn.export is not None:
            made = await self.app.conversations.export(person_id(sender), turn.export)
            if made is not None:
                document = InputFile(made.content, filename=made.name)
                await bot.send_document(chat.id, document)

    async def send_replies(
        self, bot: Bot, chat_id: int, user_id: int, turn: Turn, patient: bool = True
    ) -> bool:
        """Every reply of a turn, in order; False (and stop) if the person blocked us.

        When the question was answered, or a new one comes with buttons, the buttons of
        the question before are taken away, so only the current question's can be pressed:
        just after the replies are sent, so that the person's answer comes first.
        """
        previous = self._open_keyboards.get(chat_id)
        if previous is not None and (turn.answered or any(r.choices for r in turn.replies)):
            del self._open_keyboards[chat_id]
            try:
                return await self._send_replies(bot, chat_id, user_id, turn, patient)
            finally:
                if self._closing(chat_id, previous):
                    await self._quietly(
                        bot.edit_message_reply_markup(chat_id, previous, reply_markup=None)
                    )
        return await self._send_replies(bot, chat_id, user_id, turn, patient)

    async def _send_replies(
        self, bot: Bot, chat_id: int, user_id: int, turn: Turn, patient: bool
    ) -> bool:
        for reply in turn.replies:
            shown = render(self.app.catalogue, reply, turn.language)
            texts = pieces(shown.text)
            for n, text in enumerate(texts, 1):
                markup = keyboard(shown) if n == len(texts) else None
                sent = await self._deliver(bot, chat_id, user_id, text, markup, patient)
                if sent is None:
                    return False
                if markup is not None:
                    self._open_keyboards[chat_id] = sent.message_id
        return True

    async def deliver_reminder(self, person: str, turn: Turn) -> str:
        """The reminder loop's way out: a private chat's id is the person's Telegram id.
        One try: a failure is tried again later by the loop, which goes on meanwhile."""
        user_id = int(PersonId.parse(person).key)
        bot = self.application.bot
        await self.replies_first.reminder()
        sending = SENDING_REMINDER.set(True)  # this task's sends leave room for replies
        try:
            delivered = await self.send_replies(bot, user_id, user_id, turn, patient=False)
        finally:
            SENDING_REMINDER.reset(sending)
        return "sent" if delivered else "blocked"

    async def _deliver(
        self,
        bot: Bot,
        chat_id: int,
        user_id: int | None,
        text: str,
        markup: InlineKeyboardMarkup | None,
        patient: bool = True,
    ) -> Message | None:
        """Send one message, retrying network failures (if `patient`); None if the person
        blocked us."""
        for delay in (*(self._retry.delays if patient else ()), None):
            try:
                return await bot.send_message(chat_id, text, reply_markup=markup)
            except Forbidden:
                if user_id is not None:
                    await self.app.conversations.mark_blocked(person_id(user_id))
                return None
            except BadRequest:
                raise
            except NetworkError:
                if delay is None:
                    raise
                await asyncio.sleep(delay)
        return None

    def _closing(self, chat_id: int, message_id: int) -> bool:
        """Whether to take the buttons off this message: not if that was done already."""
        if self._closed.get(chat_id) == message_id:
            return False
        self._closed[chat_id] = message_id
        return True

    async def _close_question(self, message: Message, data: str | None, marked: bool) -> None:
        """Take the buttons off a question; an accepted answer is shown under it."""
        label = next(
            (
                button.text
                for row in (message.reply_markup.inline_keyboard if message.reply_markup else ())
                for button in row
                if button.callback_data == data
            ),
            None,
        )
        mark = f"{message.text}\n\n✓ {label}" if message.text else ""
        if marked and label and utf16_length(mark) <= MAX_MESSAGE_CHARS:
            await self._quietly(message.edit_text(mark))
        else:
            await self._quietly(message.edit_reply_markup(reply_markup=None))

    @staticmethod
    async def _quietly(call: Awaitable[Any]) -> None:
        """Cosmetic calls (button spinners, marks) may fail without harming the turn."""
        try:
            await call
        except (BadRequest, NetworkError, Forbidden) as error:
            logger.info("cosmetic Telegram call failed: %s", type(error).__name__)


def file_url(base_url: str) -> str:
    """The file address that goes with a Bot API address (`.../bot` → `.../file/bot`)."""
    return base_url.replace("/bot", "/file/bot")


def sender_id(update: Update) -> int | None:
    """Whose update it is: its sender, or in a private chat without one (Telegram may
    leave `from` out), the chat, whose id is the person's."""
    if update.effective_user is not None:
        return update.effective_user.id
    chat = update.effective_chat
    return chat.id if chat is not None and chat.type == ChatType.PRIVATE else None


def person_id(telegram_user_id: int) -> str:
    return str(PersonId(PersonId.TELEGRAM, str(telegram_user_id)))


def language_of(user: User | None) -> str:
    """Danish for a Telegram app set to Danish, English otherwise (until /language)."""
    return "da" if user is not None and (user.language_code or "").startswith("da") else "en"
