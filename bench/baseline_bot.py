"""The baseline a developer would otherwise write: the same GROW questions with
python-telegram-bot's `ConversationHandler` and `PicklePersistence` (state in memory,
written to a pickle on a timer). For the benchmark only; not part of growcoach.

Usage: python bench/baseline_bot.py PICKLE_PATH   (TELEGRAM_BOT_TOKEN and
TELEGRAM_API_BASE_URL from the environment)
"""

from __future__ import annotations

import os
import sys

from telegram import Update
from telegram.ext import (
    Application,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    PicklePersistence,
    filters,
)

# The same questions, in the same order, as growcoach's consent, GROW and reminder flows.
QUESTIONS = [
    "Welcome. Is it OK for me to keep what you tell me?",
    "What would you like me to call you?",
    "Which part of your life is it about?",
    "What would you like to work towards?",
    "Where are you with it right now?",
    "What's already helping?",
    "What strengths of yours could help?",
    "What tends to get in the way?",
    "What could you try?",
    "Anything else you could try?",
    "Anything else you could try?",
    "Who could help?",
    "Which appeals most?",
    "What's one small first step?",
    "When will you do it?",
    "What might get in the way?",
    "How sure do you feel, 0 to 10?",
    "What makes it that number and not a 0?",
    "Your plan is saved. Which day for a weekly check-in?",
    "Which time zone are you in?",
    "Done: I'll check in with you weekly.",
]


def answer_handler(index: int):  # type: ignore[no-untyped-def]
    async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        assert update.effective_message is not None and context.user_data is not None
        context.user_data[f"answer_{index}"] = update.effective_message.text
        await update.effective_message.reply_text(QUESTIONS[index + 1])
        return index + 1 if index + 1 < len(QUESTIONS) - 1 else ConversationHandler.END

    return handle


async def start(update: Update, _: ContextTypes.DEFAULT_TYPE) -> int:
    assert update.effective_message is not None
    await update.effective_message.reply_text(QUESTIONS[0])
    return 0


def main() -> None:
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    persistence = PicklePersistence(filepath=sys.argv[1])
    builder = Application.builder().token(os.environ["TELEGRAM_BOT_TOKEN"])
    application = (
        builder.base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .persistence(persistence)
        .concurrent_updates(False)
        .build()
    )
    states = {
        index: [MessageHandler(filters.TEXT & ~filters.COMMAND, answer_handler(index))]
        for index in range(len(QUESTIONS) - 1)
    }
    application.add_handler(
        ConversationHandler(
            entry_points=[CommandHandler("start", start)],
            states=states,
            fallbacks=[],
            name="grow",
            persistent=True,
        )
    )
    application.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
