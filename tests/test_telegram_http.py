"""The aiohttp transport under python-telegram-bot: failures become its errors, and
never carry the address (which holds the bot token)."""

from __future__ import annotations

import asyncio
import socket

import pytest
from telegram.error import NetworkError, TimedOut
from telegram.request import RequestData

from bot.telegram_http import AiohttpRequest

TOKEN = "123456:SECRET-token-never-in-errors"


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_a_refused_connection_is_a_network_error_without_the_token() -> None:
    url = f"http://127.0.0.1:{closed_port()}/bot{TOKEN}/getMe"
    async with AiohttpRequest() as request:
        with pytest.raises(NetworkError) as raised:
            await request.do_request(url, "POST", RequestData())
    assert not isinstance(raised.value, TimedOut)
    assert TOKEN not in str(raised.value)


async def test_a_server_that_never_answers_is_a_timeout() -> None:
    hung_up = asyncio.Event()

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()  # holds the connection open until the client gives up
        writer.close()
        await writer.wait_closed()
        hung_up.set()

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        async with AiohttpRequest() as request:
            with pytest.raises(TimedOut) as raised:
                await request.do_request(
                    f"http://127.0.0.1:{port}/bot{TOKEN}/getMe", "POST", read_timeout=0.2
                )
        await hung_up.wait()
    assert TOKEN not in str(raised.value)


async def test_it_must_be_initialised_before_use() -> None:
    with pytest.raises(RuntimeError):
        await AiohttpRequest().do_request("http://127.0.0.1:1/", "POST")
