"""The JSON search API for agent desktops and CRMs: `GET /api/v1/search`, served next to the
Streamlit app by serve.py and sharing its loaded knowledge base (docs/search-api.md).

Callers authenticate with an API token an admin created (`python -m trainer.users token-create`),
sent as `Authorization: Bearer <token>`; each token is rate-limited (per app process on SQLite,
across every app server on a shared PostgreSQL: trainer/users/shared_rate_limit.py). Every
search is logged like a search on the page (through the same background writer, so a slow
database never delays an answer). The routes trust nothing: a request with a body, an
overlong query string or bad parameters gets a 4xx without anything being read past the
limit; the search itself runs on a worker thread so the event loop keeps serving the pages.
"""

from __future__ import annotations

import json
import math
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kb import Hit, KnowledgeBase
from kb.regulations.search import ArticleHit
from kb.text import MAX_QUERY_CHARS
from settings import Settings
from trainer.search_feedback.store import record_search
from trainer.search_feedback.writer import LogWriter
from trainer.editing.versions import is_shared_database
from trainer.store.db import Database
from trainer.users.api_tokens import ApiTokenInfo, token_hash, use_api_token
from trainer.users.rate_limit import RateLimiter
from trainer.users.shared_rate_limit import SharedRateLimiter

SEARCH_PATH = "/api/v1/search"
OPENAPI_PATH = "/api/v1/openapi.json"
MAX_QUERY_STRING = 2048  # bytes of the URL's query string (a 200-character Chinese query is ~1.8 KB encoded)
DEFAULT_K, MAX_K = 5, 20
MAX_ARTICLES = 10
AUTH_CACHE_SECONDS = 5.0  # a revoked token stops working within this long
AUTH_CACHE_SIZE = 10_000
FRESHNESS_SECONDS = 1.0  # content changed on disk outside the app is seen within this long


@dataclass(frozen=True)
class ApiResources:
    """What the API reads, as providers: the app's cached resources, or a test's fixtures."""

    knowledge_base: Callable[[], KnowledgeBase]  # the loaded one; the API checks its freshness itself
    database: Callable[[], Database]
    log_writer: Callable[[], LogWriter]
    settings: Callable[[], Settings]


OTHER_METHODS = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


class ApiError(Exception):
    """A request the API refuses: HTTP status, a stable code and a message for the integrator."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


def json_response(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, status_code=status, media_type="application/json",
                    headers={"Cache-Control": "no-store", **(headers or {})})


def error_response(error: ApiError) -> Response:
    return json_response({"error": {"code": error.code, "message": error.message}}, error.status, error.headers)


@dataclass(frozen=True)
class SearchRequest:
    query: str
    k: int
    category: str | None
    articles: int


def _whole(params: dict[str, list[str]], name: str, default: int, low: int, high: int) -> int:
    raw = params.get(name, [str(default)])[0].strip()
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ApiError(400, "bad_parameter", f"`{name}` must be a whole number from {low} to {high}")
    return int(raw)


def parse_search_request(query_string: bytes, categories: set[str]) -> SearchRequest:
    """The search parameters of a query string, or ApiError(4xx) saying which one is wrong."""
    if len(query_string) > MAX_QUERY_STRING:
        raise ApiError(414, "query_string_too_long", f"the query string is longer than {MAX_QUERY_STRING} bytes")
    try:
        params = parse_qs(query_string.decode("utf-8", errors="strict"), keep_blank_values=True,
                          encoding="utf-8", errors="strict", max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "bad_query_string", "the query string is not valid UTF-8 form encoding") from None
    if any(len(values) > 1 for values in params.values()):
        raise ApiError(400, "bad_parameter", "each parameter may be given once")
    query = " ".join(params.get("q", [""])[0].split())
    if not query:
        raise ApiError(400, "missing_query", "`q` (the question) is required")
    if len(query) > MAX_QUERY_CHARS:
        raise ApiError(400, "query_too_long", f"`q` is at most {MAX_QUERY_CHARS} characters")
    category = params.get("category", [""])[0].strip() or None
    if category is not None and category not in categories:
        raise ApiError(400, "unknown_category", f"unknown `category`; one of: {', '.join(sorted(categories))}")
    return SearchRequest(query, _whole(params, "k", DEFAULT_K, 1, MAX_K), category,
                         _whole(params, "articles", 0, 0, MAX_ARTICLES))


def hit_json(hit: Hit) -> dict[str, Any]:
    item = {"id": hit.id, "question": hit.question, "answer": hit.answer, "script": hit.script,
            "category": hit.category, "score": round(float(hit.score), 4),
            # What the threshold reads (the search page's 相关度), and whether this hit cleared it: `score` orders the
            # hits and is no reliability (0.1 for a right first answer is common; search36).
            "relevance": round(float(hit.relevance), 4), "under_threshold": hit.under_threshold,
            "sources": [{"doc": s.doc, "article": s.article, "name": s.name or s.doc,
                         "document_id": s.document_id} for s in hit.sources]}
    if hit.en:
        item["en"] = dict(hit.en)
    return item


def article_json(hit: ArticleHit) -> dict[str, Any]:
    return {"document_id": hit.document_id, "title": hit.title, "article": hit.article, "text": hit.text,
            "score": round(float(hit.score), 4), "status": hit.status}


def bearer_token(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


class SearchApi:
    """The API's routes over the given resources; one per process (it holds the rate buckets)."""

    def __init__(self, resources: ApiResources, clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], float] = time.time) -> None:
        self.resources = resources
        self._clock = clock
        self._wall_clock = wall_clock  # the shared rate windows: every server must agree on the time
        self._limiter: RateLimiter | SharedRateLimiter | None = None
        self._known: dict[str, tuple[float, ApiTokenInfo]] = {}  # token hash -> (valid until, token)
        self._lock = threading.Lock()
        self._checked_at = float("-inf")

    def routes(self) -> list[Route]:
        # Any other method gets the JSON error the doc promises for every error (Starlette's own 405 is plain text;
        # qa23's A3). Starlette tries routes in order, so the GET routes answer GET and HEAD first.
        return [Route(SEARCH_PATH, self.search, methods=["GET"]),
                Route(OPENAPI_PATH, self.openapi, methods=["GET"]),
                *(Route(path, self.wrong_method, methods=OTHER_METHODS) for path in (SEARCH_PATH, OPENAPI_PATH))]

    async def wrong_method(self, request: Request) -> Response:
        return error_response(ApiError(405, "method_not_allowed", f"{request.method} is not allowed here; use GET",
                                       {"Allow": "GET, HEAD"}))

    def _limiter_of(self, settings: Settings) -> RateLimiter | SharedRateLimiter:
        """The per-token limit: counted in the database when several servers share it, else in memory."""
        with self._lock:
            if self._limiter is None:
                db = self.resources.database()
                self._limiter = (SharedRateLimiter(db, settings.api_rate_per_minute, self._wall_clock)
                                 if is_shared_database(db) else RateLimiter(settings.api_rate_per_minute, self._clock))
            return self._limiter

    def _admit(self, token: str) -> ApiTokenInfo:
        """The caller's token if it is valid and within its rate (on a worker thread: both may ask
        the database), else ApiError 401 or 429."""
        info = self._authenticate(token)
        if info is None:
            raise ApiError(401, "invalid_token", "this API token is unknown or revoked",
                           {"WWW-Authenticate": 'Bearer error="invalid_token"'})
        allowed, wait = self._limiter_of(self.resources.settings()).allow(info.id)
        if not allowed:
            raise ApiError(429, "rate_limited", "too many searches with this token; retry later",
                           {"Retry-After": str(max(1, math.ceil(wait)))})
        return info

    def _authenticate(self, token: str) -> ApiTokenInfo | None:
        """The token's record: from a few seconds' memory, else the store (which notes its use)."""
        key, now = token_hash(token), self._clock()
        with self._lock:
            known = self._known.get(key)
        if known is not None and known[0] > now:
            return known[1]
        info = use_api_token(self.resources.database(), token)
        with self._lock:
            if len(self._known) >= AUTH_CACHE_SIZE:
                self._known.clear()
            if info is None:
                self._known.pop(key, None)
            else:
                self._known[key] = (now + AUTH_CACHE_SECONDS, info)
        return info

    def _knowledge_base(self) -> KnowledgeBase:
        """The loaded knowledge base, checked against the files at most once per FRESHNESS_SECONDS
        (hashing every content file costs ~10 ms: too much for every search under load)."""
        kb = self.resources.knowledge_base()
        now = self._clock()
        if now - self._checked_at >= FRESHNESS_SECONDS:
            self._checked_at = now
            kb.reload_if_changed()
        return kb

    def _answer(self, query_string: bytes) -> dict[str, Any]:
        """Parse and run one search (on a worker thread: the first call may load the knowledge base)."""
        kb = self._knowledge_base()
        request = parse_search_request(query_string, set(kb.categories()))
        hits = kb.search(request.query, k=request.k, category=request.category)
        articles = kb.search_regulations(request.query, k=request.articles) if request.articles else []
        key = uuid.uuid4().hex
        self._log(key, request, hits)
        return {"query": request.query, "search_key": key, "content_hash": kb.content.content_hash,
                "hits": [hit_json(h) for h in hits], "articles": [article_json(a) for a in articles]}

    def _log(self, key: str, request: SearchRequest, hits: list[Hit]) -> None:
        db = self.resources.database()
        results = [(hit.id, hit.score) for hit in hits]
        self.resources.log_writer().submit(
            "an API search", lambda: record_search(db, key, None, request.query, request.category, results))

    async def search(self, request: Request) -> Response:
        try:
            if request.headers.get("content-length", "0") != "0" or "transfer-encoding" in request.headers:
                raise ApiError(413, "body_not_allowed", "a search request has no body; put the question in `q`")
            token = bearer_token(request)
            if not token:
                raise ApiError(401, "missing_token", "send an API token as `Authorization: Bearer <token>`",
                               {"WWW-Authenticate": "Bearer"})
            await run_in_threadpool(self._admit, token)
            return json_response(await run_in_threadpool(self._answer, request.scope.get("query_string", b"")))
        except ApiError as error:
            return error_response(error)

    async def openapi(self, request: Request) -> Response:
        return json_response(openapi_document())


def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 description of the search API."""
    def param(name: str, schema: dict, description: str, required: bool = False) -> dict:
        return {"name": name, "in": "query", "required": required, "schema": schema, "description": description}

    error = {"description": "refused", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Agent Trainer knowledge search API", "version": "1",
                 "description": "Search the hotline knowledge base from an agent desktop or CRM. "
                                "An empty `hits` list means there is no reliable answer."},
        "paths": {SEARCH_PATH: {"get": {
            "summary": "Best answers for a question",
            "security": [{"token": []}],
            "parameters": [
                param("q", {"type": "string", "maxLength": MAX_QUERY_CHARS}, "the question, as asked", True),
                param("k", {"type": "integer", "minimum": 1, "maximum": MAX_K, "default": DEFAULT_K}, "answers at most"),
                param("category", {"type": "string"}, "only answers of this category id"),
                param("articles", {"type": "integer", "minimum": 0, "maximum": MAX_ARTICLES, "default": 0},
                      "also return this many regulation articles"),
            ],
            "responses": {
                "200": {"description": "answers, best first", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/SearchResult"}}}},
                "400": error, "401": error, "405": error, "413": error, "414": error, "429": error,
            },
        }}},
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer",
                                          "description": "an API token created by an administrator"}},
            "schemas": {
                "Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {
                    "code": {"type": "string"}, "message": {"type": "string"}}}}},
                "Source": {"type": "object", "properties": {k: {"type": "string"} for k in
                                                            ("doc", "article", "name", "document_id")}},
                "Hit": {"type": "object", "properties": {
                    **{k: {"type": "string"} for k in ("id", "question", "answer", "script", "category")},
                    "score": {"type": "number", "description": "the re-ranker's order score (orders the hits)"},
                    "relevance": {"type": "number", "description": "what the answer threshold reads"},
                    "under_threshold": {"type": "boolean", "description": "shown though under the threshold: a "
                                        "near miss listed after an answer, or a near-threshold answer; check it"},
                    "sources": {"type": "array", "items": {"$ref": "#/components/schemas/Source"}},
                    "en": {"type": "object", "description": "English question/answer, when the entry has them"}}},
                "Article": {"type": "object", "properties": {
                    **{k: {"type": "string"} for k in ("document_id", "title", "article", "text", "status")},
                    "score": {"type": "number"}}},
                "SearchResult": {"type": "object", "properties": {
                    "query": {"type": "string"},
                    "search_key": {"type": "string", "description": "this search in the search log"},
                    "content_hash": {"type": "string", "description": "the content version that answered"},
                    "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
                    "articles": {"type": "array", "items": {"$ref": "#/components/schemas/Article"}}}},
            },
        },
    }
