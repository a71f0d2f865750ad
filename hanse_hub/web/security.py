"""Security headers on every response."""

from __future__ import annotations

from flask import Flask, request
from flask_login import current_user

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)


STATIC_ENDPOINTS = {"static", "assets.kern", "api_docs.api_docs_assets", "web.tenant_colours"}


def register_security_headers(app: Flask) -> None:
    @app.after_request
    def _headers(response):
        headers = response.headers
        csp = CONTENT_SECURITY_POLICY
        if request.path == "/api/docs":
            # Swagger UI sets inline styles; its scripts still come only from this site.
            csp = csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        headers.setdefault("Content-Security-Policy", csp)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        # Pages of logged-in users are never cached; static files may be (they are the same
        # for everyone, and checking the login would cost a database query per file).
        if request.endpoint not in STATIC_ENDPOINTS and current_user.is_authenticated:
            headers["Cache-Control"] = "no-store"
            headers.add("Vary", "Cookie")
        return response
