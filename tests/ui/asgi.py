"""Call an ASGI app in-process, as uvicorn would (httpx, and so Starlette's TestClient, is not installed)."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import urlencode


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes
    chunks_read: int

    def json(self):
        return json.loads(self.body)


def call(app, path: str, params: dict | None = None, headers: dict[str, str] | None = None, method: str = "GET",
         body: Iterator[bytes] | None = None, raw_query: bytes | None = None) -> Reply:
    """One request; `body` chunks are handed over only when the app reads them (counted)."""
    read = [0]
    chunks = body or iter(())

    async def receive():
        chunk = next(chunks, None)
        read[0] += chunk is not None
        return {"type": "http.request", "body": chunk or b"", "more_body": chunk is not None}

    sent: dict = {"body": b""}

    async def send(message):
        if message["type"] == "http.response.start":
            sent["status"] = message["status"]
            sent["headers"] = {k.decode(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            sent["body"] += message.get("body", b"")

    query = raw_query if raw_query is not None else urlencode(params or {}).encode()
    scope = {"type": "http", "method": method, "path": path, "raw_path": path.encode(), "root_path": "",
             "scheme": "http", "query_string": query, "server": ("localhost", 8501), "client": ("127.0.0.1", 5000),
             "http_version": "1.1", "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]}
    asyncio.run(app(scope, receive, send))
    return Reply(sent["status"], sent["headers"], sent["body"], read[0])
