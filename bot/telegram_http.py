"""How python-telegram-bot reaches the Bot API: over aiohttp instead of httpx.

python-telegram-bot sends each request through a `BaseRequest`, an interface it offers
so that other asyncio HTTP libraries can be used. Its default, over httpx, spent most of
the bot's time under load in pure-Python HTTP code (a profile of `bench/run.py`: about
two thirds of the event loop); aiohttp parses HTTP in C. BENCHMARKS.md records the
before and after. Only the transport changes: python-telegram-bot still builds every
request and reads every answer, and its retries, rate limiter and errors work as before.

Errors carry the aiohttp class name only: the request's address holds the bot token.
"""

from __future__ import annotations

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData


class AiohttpRequest(BaseRequest):
    """A pool of keep-alive connections to the Bot API, opened in `initialize`.

    `pool_size` bounds concurrent requests (python-telegram-bot uses 256 for sending
    and 1 for long polling); the timeouts are python-telegram-bot's defaults, in
    seconds, for calls that do not set their own.
    """

    def __init__(
        self,
        pool_size: int = 256,
        connect_timeout: float = 5.0,
        read_timeout: float = 5.0,
        pool_timeout: float = 1.0,
    ) -> None:
        self._pool_size = pool_size
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._pool_timeout = pool_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None:
            connector = aiohttp.TCPConnector(limit=self._pool_size)
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT}
            )

    async def shutdown(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """One request; aiohttp has no write timeout, so `write_timeout` is not used."""
        if self._session is None:
            raise RuntimeError("AiohttpRequest is not initialised")
        read = self._read_timeout if isinstance(read_timeout, DefaultValue) else read_timeout
        connect = (
            self._connect_timeout if isinstance(connect_timeout, DefaultValue) else connect_timeout
        )
        pool = self._pool_timeout if isinstance(pool_timeout, DefaultValue) else pool_timeout
        timeout = aiohttp.ClientTimeout(
            total=None,
            sock_read=read,
            # aiohttp's `connect` covers waiting for a free connection and opening one.
            connect=None if connect is None or pool is None else connect + pool,
        )
        try:
            async with self._session.request(
                method, url, data=_body(request_data), timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:  # aiohttp's timeouts are asyncio's TimeoutError
            raise TimedOut(f"aiohttp {type(error).__name__}") from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp {type(error).__name__}") from error


def _body(request_data: RequestData | None) -> aiohttp.FormData | dict[str, str] | None:
    """Form fields as python-telegram-bot encodes them; files make it multipart."""
    if request_data is None:
        return None
    files = request_data.multipart_data
    if not files:
        return request_data.json_parameters
    form = aiohttp.FormData(request_data.json_parameters)
    for name, (filename, content, mime_type) in files.items():
        form.add_field(name, content, filename=filename, content_type=mime_type)
    return form


TELEGRAM_API = "https://api.telegram.org/bot"


def file_url(base_url: str) -> str:
    """The file address that goes with a Bot API address (`.../bot` → `.../file/bot`)."""
    return base_url.replace("/bot", "/file/bot")
