#!/usr/bin/env bash
# Builds the web app (installing what is missing) and serves it on 127.0.0.1.
# Usage: scripts/run.sh [PORT]   (default 8080, or the next free port)
source "$(dirname "$0")/lib.sh"
scripts/build-web.sh
port="${1:-${PORT:-8080}}"
while python3 -c "import socket,sys; s=socket.socket(); sys.exit(0 if s.connect_ex(('127.0.0.1', $port)) == 0 else 1)"; do
  port=$((port + 1))
done
say "Blindspot is at http://127.0.0.1:$port/  (Ctrl+C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory www
