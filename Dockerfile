# Smarte Hanse hub: one image for the web app (and, later, the search indexer worker).
#   docker build -t hanse-hub .
#   docker run -e HANSE_SECRET_KEY=... -p 8000:8000 -v hanse-data:/data hanse-hub
FROM python:3.11-slim

# The app finds templates/ and migrations/ next to its package directory, so the copy in
# /app (put first on the path), not the one pip installs into site-packages, is imported.
# The image defaults to production: it refuses to start without HANSE_SECRET_KEY.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    HANSE_ENV=production \
    HANSE_DATA_DIR=/data

WORKDIR /app

# Install the project and its runtime dependencies (no dev extras).
COPY pyproject.toml README.md ./
COPY hanse_hub/ ./hanse_hub/
RUN pip install . \
    && rm -rf build ./*.egg-info

COPY templates/ ./templates/
COPY migrations/ ./migrations/
COPY wsgi.py ./
COPY docker/entrypoint.sh /usr/local/bin/hanse-entrypoint
RUN chmod 0755 /usr/local/bin/hanse-entrypoint

# Unprivileged user; /data is created with its ownership before it becomes a volume,
# so a fresh named volume inherits it.
RUN groupadd --system --gid 10001 hanse \
    && useradd --system --uid 10001 --gid hanse --home-dir /app --no-create-home hanse \
    && mkdir -p /data \
    && chown hanse:hanse /data
USER hanse

VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/', timeout=4)"]

ENTRYPOINT ["hanse-entrypoint"]
CMD ["serve"]
