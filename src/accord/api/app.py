"""The JSON API and the dashboard, one FastAPI app over one store.

    app = create_app("accord.duckdb")                       # read-only: queries and pages
    app = create_app("accord.duckdb", write_token="s3cret")  # also POST /api/articles

Every endpoint is a thin layer over `accord.service`: parameters arrive as strings and are
checked there, so a bad value is a 422 naming the parameter, never a 500. Lists answer
`{"total", "limit", "offset", "items"}` with `limit` capped at `MAX_LIMIT`.
"""

from __future__ import annotations

import hmac
import json
import os
import tempfile
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse

from .. import __version__
from ..service import MAX_LIMIT, Filters, ParameterError, Service
from ..web import PAGES, STATIC, page_path

DEFAULT_LIMIT = 50
MAX_OFFSET = 10_000_000
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
TOKEN_ENV = "ACCORD_WRITE_TOKEN"

# Query parameters every event listing takes (the CLI's filters), documented once.
Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]

_FILTER_DOCS = {
    "actor": "actor code prefix (RUS, RUSGOV) or words of a canonical name (Putin), as source or target",
    "country": "ISO 3166 alpha-3 country of the source or the target",
    "dyad": "two actors A,B: happenings between them in either direction",
    "since": "on or after YYYY, YYYY-MM or YYYY-MM-DD (the first day of that period)",
    "until": "on or before YYYY, YYYY-MM or YYYY-MM-DD (the last day of that period)",
    "cameo": "CAMEO code prefix, e.g. 04 or 042",
    "plover": "PLOVER event type, e.g. CONSULT",
    "quad_class": "quad class 1-4, or several: 3,4",
    "negated": "true: only negated; false: only affirmed",
    "modality": "asserted, alleged, hypothetical, future (or several, comma-separated)",
    "min_sources": "the happening has at least this many distinct publishers",
    "q": "words that must all occur in the evidence sentence",
}


def _q(name: str) -> Any:
    return Query(None, description=_FILTER_DOCS[name])


class _State:
    """The open store and state.service. A store the app opened itself is opened on first use and
    closed at shutdown (and opened again if the app is started again, as test clients do)."""

    def __init__(self, db: str, write_token: str | None, store: Any = None) -> None:
        self.db = db
        self.write_token = write_token
        self.owned = store is None
        self._store = store
        self._service: Service | None = Service(store) if store is not None else None
        self._lock = threading.Lock()
        self.write_lock = threading.Lock()  # one writer at a time through the shared store
        self.pipeline: Any = None

    @property
    def store(self) -> Any:
        self.service  # noqa: B018  (opens the store when needed)
        return self._store

    @property
    def service(self) -> Service:
        if self._service is None:
            from ..store import open_store

            with self._lock:
                if self._service is None:
                    self._store = open_store(self.db, read_only=self.write_token is None)
                    self._service = Service(self._store)
        return self._service

    def close(self) -> None:
        with self._lock:
            if self._service is not None:
                self._service.close()
            if self.owned and self._store is not None:
                self._store.close()
                self._store, self._service = None, None


def create_app(db: str | Path, *, write_token: str | None = None,
               store: Any = None) -> FastAPI:
    """The app over the database at `db` (opened read-only unless a write token is given,
    from the argument or $ACCORD_WRITE_TOKEN). `store` passes an already open store instead."""
    token = write_token or os.environ.get(TOKEN_ENV) or None
    state = _State(str(db), token, store)
    state.service  # noqa: B018  (open now: a database that cannot be opened fails here)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        state.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Accord",
        version=__version__,
        description="Who did what to whom, when and where, and who said what: happenings, "
                    "event reports, quotes, articles and actors from an Accord store, in the "
                    "record contract's shapes.",
    )
    app.state.accord = state

    @app.exception_handler(ParameterError)
    def _bad_parameter(request: Request, exc: ParameterError) -> JSONResponse:
        where = "path" if exc.param in request.path_params else "query"
        return JSONResponse(status_code=422, content={"detail": [
            {"loc": [where, exc.param], "msg": exc.message, "type": "value_error"}]})

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        # Pages render records as text; this forbids inline scripts and foreign sources anyway.
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    def filters(actor=None, country=None, dyad=None, since=None, until=None, cameo=None,
                plover=None, quad_class=None, negated=None, modality=None, min_sources=None,
                q=None) -> Filters:
        return Filters.parse(actor=actor, country=country, dyad=dyad, since=since, until=until,
                             cameo=cameo, plover=plover, quad_class=quad_class, negated=negated,
                             modality=modality, min_sources=min_sources, q=q)

    # -- records --------------------------------------------------------------------------------

    @app.get("/api/events", tags=["happenings"], summary="Happenings, filtered and paged")
    def list_events(actor: str | None = _q("actor"), country: str | None = _q("country"), dyad: str | None = _q("dyad"),
                    since: str | None = _q("since"), until: str | None = _q("until"), cameo: str | None = _q("cameo"),
                    plover: str | None = _q("plover"), quad_class: str | None = _q("quad_class"),
                    negated: str | None = _q("negated"), modality: str | None = _q("modality"),
                    min_sources: str | None = _q("min_sources"), q: str | None = _q("q"),
                    sort: Annotated[str, Query(description="-articles (default), -sources, -date, date")] = "-articles",
                    limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        f = filters(actor, country, dyad, since, until, cameo, plover, quad_class, negated,
                    modality, min_sources, q)
        return state.service.happenings(f, limit=limit, offset=offset, sort=sort).as_dict()

    @app.get("/api/events/{happening_id}", tags=["happenings"],
             summary="One happening with its reports and their evidence")
    def get_event(happening_id: str) -> dict[str, Any]:
        found = state.service.happening(happening_id)
        if found is None:
            raise HTTPException(404, f"no happening with id {happening_id!r}")
        return found

    @app.get("/api/reports", tags=["reports"], summary="Event reports (one per sentence), filtered and paged")
    def list_reports(actor: str | None = _q("actor"), country: str | None = _q("country"), dyad: str | None = _q("dyad"),
                     since: str | None = _q("since"), until: str | None = _q("until"), cameo: str | None = _q("cameo"),
                     plover: str | None = _q("plover"), quad_class: str | None = _q("quad_class"),
                     negated: str | None = _q("negated"), modality: str | None = _q("modality"),
                     min_sources: str | None = _q("min_sources"), q: str | None = _q("q"),
                     sort: Annotated[str, Query(description="date (default), -date, -confidence")] = "date",
                     limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        f = filters(actor, country, dyad, since, until, cameo, plover, quad_class, negated,
                    modality, min_sources, q)
        return state.service.reports(f, limit=limit, offset=offset, sort=sort).as_dict()

    @app.get("/api/reports/{event_id}", tags=["reports"], summary="One event report")
    def get_report(event_id: str) -> dict[str, Any]:
        found = state.service.report(event_id)
        if found is None:
            raise HTTPException(404, f"no event report with id {event_id!r}")
        return found

    @app.get("/api/quotes", tags=["quotes"], summary="Quotes, filtered and paged")
    def list_quotes(speaker: Annotated[str | None, Query(description="speaker code prefix or name words")] = None,
                    contains: Annotated[str | None, Query(description="words of the quote")] = None,
                    article_id: str | None = None, since: str | None = _q("since"), until: str | None = _q("until"),
                    limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        return state.service.quotes(speaker=speaker, contains=contains, article_id=article_id,
                              since=since, until=until, limit=limit, offset=offset).as_dict()

    @app.get("/api/articles", tags=["articles"], summary="Stored articles with their counts")
    def list_articles(q: Annotated[str | None, Query(description="words of the title or id")] = None,
                      source: Annotated[str | None, Query(description="publisher")] = None,
                      since: str | None = None, until: str | None = None,
                      sort: Annotated[str, Query(description="date (default), -date, -events")] = "date",
                      limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        page = state.service.articles(q=q, source=source, since=since, until=until, sort=sort,
                                limit=limit, offset=offset)
        return page.as_dict()

    # Article ids are the inputs' own (a feed's guid, a URL, `story#3f0c2a9b1e`) and may hold any
    # character: a client percent-encodes them (`quote(id, safe="")`), the server decodes the
    # path before routing, so an id with "/" in it needs the `path` convertor to reach here.
    @app.get("/api/articles/{article_id:path}", tags=["articles"],
             summary="An article with all its records and their spans")
    def get_article(article_id: str) -> dict[str, Any]:
        found = state.service.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return found

    @app.get("/api/actors", tags=["actors"], summary="Who appears, how often, first and last seen")
    def list_actors(q: Annotated[str | None, Query(description="code prefix or name words")] = None,
                    country: str | None = _q("country"), since: str | None = None, until: str | None = None,
                    limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        return state.service.actors(q=q, country=country, since=since, until=until, limit=limit,
                              offset=offset).as_dict()

    # -- aggregations ---------------------------------------------------------------------------

    @app.get("/api/summary", tags=["aggregations"], summary="What the store holds")
    def summary() -> dict[str, Any]:
        return {"version": __version__, "writable": token is not None, **state.service.summary()}

    @app.get("/api/codes", tags=["reference"], summary="The CAMEO code table: name, PLOVER type, Goldstein, quad class")
    def codes() -> dict[str, Any]:
        # The dashboard names a code PLOVER dropped (appeals, statements) by its CAMEO name:
        # "DROPPED" tells a reader nothing about what happened.
        from ..events.ontology import cameo_table
        return {"cameo": {code: {"name": c.name, "plover": c.plover, "goldstein": c.goldstein,
                                 "quad_class": c.quad_class}
                          for code, c in sorted(cameo_table().items())}}

    @app.get("/api/dyads", tags=["aggregations"], summary="The busiest pairs of actors")
    def list_dyads(level: Annotated[str, Query(description="country or actor")] = "country",
                   domestic: Annotated[str | None, Query(description="include a country with itself")] = None,
                   actor: str | None = _q("actor"), country: str | None = _q("country"),
                   since: str | None = _q("since"), until: str | None = _q("until"), cameo: str | None = _q("cameo"),
                   plover: str | None = _q("plover"), quad_class: str | None = _q("quad_class"),
                   negated: str | None = _q("negated"), modality: str | None = _q("modality"),
                   min_sources: str | None = _q("min_sources"),
                   limit: Annotated[int, Query(ge=0, le=MAX_LIMIT)] = 20, offset: Offset = 0) -> dict[str, Any]:
        f = filters(actor, country, None, since, until, cameo, plover, quad_class, negated,
                    modality, min_sources)
        return state.service.dyads(f, level=level, domestic=domestic, limit=limit,
                             offset=offset).as_dict()

    @app.get("/api/dyads/{a}/{b}/timeline", tags=["aggregations"],
             summary="Happenings between A and B per week or month, both directions")
    def timeline(a: str, b: str,
                 interval: Annotated[str, Query(description="week, month or year")] = "month",
                 since: str | None = _q("since"), until: str | None = _q("until"), cameo: str | None = _q("cameo"),
                 plover: str | None = _q("plover"), quad_class: str | None = _q("quad_class"),
                 negated: str | None = _q("negated"), modality: str | None = _q("modality"),
                 min_sources: str | None = _q("min_sources"), q: str | None = _q("q")) -> dict[str, Any]:
        f = filters(None, None, None, since, until, cameo, plover, quad_class, negated,
                    modality, min_sources, q)
        return state.service.timeline(a, b, interval=interval, filters=f)

    @app.get("/api/network", tags=["aggregations"],
             summary="Actors and their cooperative and conflictual ties")
    def network(since: str | None = _q("since"), until: str | None = _q("until"),
                min: Annotated[int, Query(ge=1, le=1_000_000, description="fewest happenings on a tie")] = 1,
                level: Annotated[str, Query(description="actor or country")] = "actor",
                limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 200,
                actor: str | None = _q("actor"), country: str | None = _q("country"), cameo: str | None = _q("cameo"),
                plover: str | None = _q("plover"), quad_class: str | None = _q("quad_class"),
                negated: str | None = _q("negated"), modality: str | None = _q("modality"),
                min_sources: str | None = _q("min_sources")) -> dict[str, Any]:
        f = filters(actor, country, None, since, until, cameo, plover, quad_class, negated,
                    modality, min_sources)
        return state.service.network(f, level=level, min_events=min, limit=limit)

    @app.get("/api/map", tags=["aggregations"], summary="Happenings by country or place")
    def happenings_map(by: Annotated[str, Query(description="country or place")] = "country",
                       since: str | None = _q("since"), until: str | None = _q("until"),
                       actor: str | None = _q("actor"), country: str | None = _q("country"),
                       cameo: str | None = _q("cameo"), plover: str | None = _q("plover"),
                       quad_class: str | None = _q("quad_class"), negated: str | None = _q("negated"),
                       modality: str | None = _q("modality"), min_sources: str | None = _q("min_sources"),
                       limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 500) -> dict[str, Any]:
        f = filters(actor, country, None, since, until, cameo, plover, quad_class, negated,
                    modality, min_sources)
        return state.service.map(f, by=by, limit=limit)

    # -- exports --------------------------------------------------------------------------------

    @app.get("/api/export", tags=["exports"],
             summary="Download happenings or reports as CSV, Parquet, JSON lines, GDELT or PLOVER")
    def export_file(format: Annotated[str, Query(description="csv, parquet, jsonl, gdelt, gdelt-mentions, plover")] = "csv",
                    unit: Annotated[str, Query(description="happenings or reports")] = "happenings",
                    actor: str | None = _q("actor"), country: str | None = _q("country"), dyad: str | None = _q("dyad"),
                    since: str | None = _q("since"), until: str | None = _q("until"), cameo: str | None = _q("cameo"),
                    plover: str | None = _q("plover"), quad_class: str | None = _q("quad_class"),
                    negated: str | None = _q("negated"), modality: str | None = _q("modality"),
                    min_sources: str | None = _q("min_sources"), q: str | None = _q("q")) -> Response:
        from ..export import FORMATS, MEDIA_TYPES, SUFFIXES, UNITS, export

        if format not in FORMATS:
            raise ParameterError("format", f"expected one of {', '.join(FORMATS)}, got {format!r}")
        if unit not in UNITS:
            raise ParameterError("unit", f"expected one of {', '.join(UNITS)}, got {unit!r}")
        if format in ("gdelt", "gdelt-mentions", "plover") and unit != "happenings":
            raise ParameterError("unit", f"{format} exports happenings only")
        f = filters(actor, country, dyad, since, until, cameo, plover, quad_class, negated,
                    modality, min_sources, q)
        spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
        result = export(state.service, format, spool, f, unit=unit)
        spool.seek(0)

        def chunks():
            try:
                while block := spool.read(64 * 1024):
                    yield block
            finally:
                spool.close()

        name = f"accord-{unit}{SUFFIXES[format]}"
        return StreamingResponse(chunks(), media_type=MEDIA_TYPES[format], headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "X-Accord-Written": str(result.written),
            "X-Accord-Left-Out": json.dumps(result.left_out)})

    # -- writing --------------------------------------------------------------------------------

    @app.post("/api/articles", tags=["articles"], status_code=200,
              summary="Code and store articles (needs the server's write token)")
    async def post_articles(request: Request,
                            files: Annotated[list[UploadFile] | None, File(description="article files (.txt, .jsonl, ...)")] = None) -> dict[str, Any]:
        from .ingest import ingest_upload

        _check_token(state, request)
        content_type = request.headers.get("content-type", "")
        if content_type.startswith("application/json"):
            body = await request.body()
            if len(body) > MAX_UPLOAD_BYTES:
                raise HTTPException(413, f"request body over {MAX_UPLOAD_BYTES} bytes")
            try:
                payload = json.loads(body)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise HTTPException(400, f"body: not valid JSON ({exc})") from None
            uploads = [("body", payload)]
        elif files:
            uploads = []
            for upload in files:
                data = await upload.read(MAX_UPLOAD_BYTES + 1)
                if len(data) > MAX_UPLOAD_BYTES:
                    raise HTTPException(413, f"file {upload.filename!r}: over {MAX_UPLOAD_BYTES} bytes")
                uploads.append((upload.filename or "upload.txt", data))
        else:
            # Say what came instead (curl -d sends a form; -F file=@x a field of another name).
            kind = content_type.split(";")[0].strip()
            got = f"the request's Content-Type is {kind!r}" if kind else "the request has no Content-Type"
            if kind == "multipart/form-data":
                names = sorted({name for name in (await request.form()).keys()})
                got = ("the request has no multipart field 'files' (its fields: "
                       f"{', '.join(repr(n) for n in names) or 'none'})")
            raise HTTPException(400, f"no articles: {got}; send articles as JSON (Content-Type: "
                                     "application/json; an object or a list of {id, text, date?, "
                                     "title?, url?, source?}) or as files (multipart field "
                                     "'files', e.g. curl -F files=@story.txt)")
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(ingest_upload, state, uploads)

    # -- the dashboard --------------------------------------------------------------------------

    from fastapi.staticfiles import StaticFiles

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    def _page(name: str):
        def handler() -> FileResponse:
            return FileResponse(page_path(name), media_type="text/html")
        return handler

    for route, name in PAGES.items():
        app.add_api_route(route, _page(name), methods=["GET"], include_in_schema=False)

    @app.get("/articles/{article_id:path}", include_in_schema=False)  # any id, as above
    def article_page(article_id: str) -> FileResponse:
        return FileResponse(page_path("article"), media_type="text/html")

    return app


def _check_token(state: _State, request: Request) -> None:
    if state.write_token is None:
        raise HTTPException(403, "writing is off: start the server with --write-token TOKEN "
                                 f"(or ${TOKEN_ENV}) to accept articles")
    given = request.headers.get("x-accord-token") or ""
    auth = request.headers.get("authorization") or ""
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given or not hmac.compare_digest(given.encode(), state.write_token.encode()):
        raise HTTPException(401, "a valid write token is needed: send it as "
                                 "'Authorization: Bearer TOKEN' or 'X-Accord-Token: TOKEN'")
