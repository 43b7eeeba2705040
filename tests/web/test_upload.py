"""Uploads: size-limited, kept in memory until stored inside the store's folder, ingested in the background."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.web.app import create_app
from dateline.web.jobs import safe_file_name
from tests.conftest import ARTICLE_A, ARTICLE_B
from tests.web.conftest import client_for


@pytest.fixture()
def empty_store(tmp_path: Path) -> Path:
    """A path for a store that does not exist yet (the app creates it), alone in its folder."""
    folder = tmp_path / "store"
    folder.mkdir()
    return folder / "corpus.db"


def upload_folders(db: Path) -> list[Path]:
    """Return any upload folder left next to the store."""
    return list(db.parent.glob(".dateline-upload-*"))


def finish(client: TestClient) -> None:
    """Wait for the app's queued ingest jobs."""
    client.app.state.jobs.wait(timeout=300)  # type: ignore[attr-defined]


def test_upload_is_ingested_analysed_and_listed(empty_store: Path) -> None:
    client = client_for(create_app(empty_store))
    assert client.get("/api/articles").json() == []
    response = client.post(
        "/api/ingest",
        files=[("files", ("harbor.txt", ARTICLE_A.encode(), "text/plain")),
               ("files", ("ferry.txt.gz", gzip.compress(ARTICLE_B.encode()), "application/gzip"))],
    )
    assert response.status_code == 202
    job_url = response.headers["location"]
    finish(client)
    job = client.get(job_url).json()
    assert job["state"] == "done", job
    assert len(job["added"]) == 2 and job["errors"] == []
    assert job["ingested"] == 2 and job["analyzed"] == 2
    titles = {a["title"] for a in client.get("/api/articles").json()}
    assert "Harbor council approves dredging plan after long delay" in titles
    assert "Ferry operator welcomes dredging vote" in titles
    assert client.get("/api/people").json(), "analysed: people linked"
    assert client.get("/api/stories").json(), "the snapshot was refreshed when the job finished"
    assert upload_folders(empty_store) == []


def test_per_file_errors_are_reported_with_the_uploaded_name(empty_store: Path) -> None:
    client = client_for(create_app(empty_store))
    response = client.post(
        "/api/ingest",
        files=[("files", ("empty.txt", b"", "text/plain")),
               ("files", ("binary.bin", bytes(range(256)) * 8, "application/octet-stream")),
               ("files", ("good.txt", ARTICLE_A.encode(), "text/plain"))],
    )
    finish(client)
    job = client.get(response.headers["location"]).json()
    failed = {e["file"] for e in job["errors"]}
    assert failed == {"empty.txt", "binary.bin"}, job
    assert all(e["reason"] for e in job["errors"])
    assert len(job["added"]) == 1
    page = client.get(f"/ingest/{job['id']}").text
    assert "<strong>binary.bin</strong>:" in page and "<strong>empty.txt</strong>:" in page


def test_pasted_text_through_the_form_redirects_to_the_job(empty_store: Path) -> None:
    client = client_for(create_app(empty_store))
    response = client.post("/ingest", data={"text": ARTICLE_B}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/ingest/")
    finish(client)
    page = client.get(response.headers["location"]).text
    assert 'data-state="done"' in page and "1 added" in page
    assert "Ferry operator welcomes dredging vote" in client.get("/articles").text


def test_upload_over_the_limit_is_refused_and_nothing_is_written(empty_store: Path) -> None:
    client = client_for(create_app(empty_store, max_upload_bytes=2000))
    big = ("x " * 2000).encode()
    response = client.post("/api/ingest", files={"files": ("big.txt", big, "text/plain")})
    assert response.status_code == 413
    page = client.post("/ingest", files={"files": ("big.txt", big, "text/plain")})
    assert page.status_code == 413 and "Upload refused" in page.text
    small = client.post("/api/ingest", files={"files": ("ok.txt", ARTICLE_B.encode()[:1500], "text/plain")})
    assert small.status_code == 202
    finish(client)
    assert len(client.get("/api/articles").json()) == 1
    assert upload_folders(empty_store) == []
    assert sorted(p.name for p in empty_store.parent.iterdir() if not p.name.startswith("corpus.db")) == []


def test_upload_without_content_is_refused(empty_store: Path) -> None:
    client = client_for(create_app(empty_store))
    assert client.post("/api/ingest", data={"text": "  "}).status_code == 400
    assert client.post("/api/ingest", content=b"raw", headers={"content-type": "text/plain"}).status_code == 415


@pytest.mark.parametrize(
    ("name", "safe"),
    [("../../etc/passwd", "passwd"), ("C:\\Users\\me\\page.html", "page.html"), (".hidden", "hidden"),
     ("a b;rm -rf.txt", "a_b_rm_-rf.txt"), ("", "upload.txt"), ("feed.xml.gz", "feed.xml.gz")],
)
def test_uploaded_names_cannot_leave_the_upload_folder(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe
