"""API test fixtures: a client with bearer tokens for the factory's users."""

from __future__ import annotations

import pytest

from hanse_hub.accounts.tokens import create_token


class ApiClient:
    def __init__(self, client, token: str | None = None):
        self.client, self.token = client, token

    def _headers(self, headers):
        merged = dict(headers or {})
        if self.token:
            merged.setdefault("Authorization", f"Bearer {self.token}")
        return merged

    def get(self, url, headers=None, **kwargs):
        return self.client.get(url, headers=self._headers(headers), **kwargs)

    def post(self, url, headers=None, **kwargs):
        return self.client.post(url, headers=self._headers(headers), **kwargs)

    def patch(self, url, headers=None, **kwargs):
        return self.client.patch(url, headers=self._headers(headers), **kwargs)

    def put(self, url, headers=None, **kwargs):
        return self.client.put(url, headers=self._headers(headers), **kwargs)

    def delete(self, url, headers=None, **kwargs):
        return self.client.delete(url, headers=self._headers(headers), **kwargs)


@pytest.fixture
def api(client, session):
    """``api(user, read_only=False)``: a client calling the API with a token of ``user``."""

    def make(user=None, *, read_only: bool = False) -> ApiClient:
        if user is None:
            return ApiClient(client)
        secret = create_token(user, "Test", read_only=read_only).secret
        session.commit()
        return ApiClient(client, secret)

    return make
