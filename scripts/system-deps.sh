#!/usr/bin/env bash
# Installs the Debian packages the test suite drives: Chromium for the browser
# tests, PostgreSQL for the store tests, nginx for the deployment tests (the
# shipped deploy/nginx configuration), LibreOffice Impress, which opens the
# PowerPoint deck in a test, and npm, which fetches the pinned axe-core for the
# accessibility test. Does nothing when all are present.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/sbin/nginx ] || need+=(nginx)
[ -x /usr/bin/soffice ] || need+=(libreoffice-impress)
command -v npm >/dev/null 2>&1 || need+=(npm)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${need[*]} with apt-get…"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
