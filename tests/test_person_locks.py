"""One person's turns never overlap; other people's do; no lock outlives its users."""

from __future__ import annotations

import asyncio

from bot.person_locks import PersonLocks


async def test_one_persons_holders_go_in_arrival_order_and_others_run_beside() -> None:
    locks: PersonLocks[str] = PersonLocks()
    log: list[str] = []
    release, bo_done = asyncio.Event(), asyncio.Event()

    async def hold(key: str, name: str) -> None:
        async with locks.hold(key):
            log.append(f"{name} in")
            if name == "ann-1":
                await release.wait()
            log.append(f"{name} out")
        if name == "bo-1":
            bo_done.set()

    tasks = [asyncio.create_task(hold(k, n)) for k, n in
             (("ann", "ann-1"), ("ann", "ann-2"), ("bo", "bo-1"))]  # fmt: skip
    await asyncio.wait_for(bo_done.wait(), 5)
    assert log == ["ann-1 in", "bo-1 in", "bo-1 out"]  # ann-2 waits; bo does not
    release.set()
    await asyncio.gather(*tasks)
    assert log[3:] == ["ann-1 out", "ann-2 in", "ann-2 out"]
    assert not locks._locks  # memory stays flat
