"""The API client fixture of tests/api, for the API's standard documents."""

from tests.api.conftest import api  # noqa: F401
