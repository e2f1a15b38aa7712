#!/usr/bin/env bash
# Installs code-server (VS Code OSS 1.100.3: server, web workbench, Node extension host) for the
# host and e2e test tiers and `npm run demo`, offline: only the npm registry and Debian apt.
# Idempotent: a finished install (stamp file) in the cache outside the work tree is reused.
#   CODE_SERVER_VERSION  default 4.100.3 (the last release whose engines accept Node 20)
#   CODE_SERVER_DIR      default ~/.cache/vscode-harness/code-server-$VERSION-node$MAJOR
# Recipe and measurements: ../shared/harness/HARNESS.md §2.
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
DEST="${CODE_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/vscode-harness/code-server-$VERSION-node$NODE_MAJOR}"
STAMP="$DEST/.installed"
ENTRY="$DEST/node_modules/code-server/out/node/entry.js"
# @vscode/ripgrep version pinned by lib/vscode/npm-shrinkwrap.json of this code-server release
RIPGREP_PKG_VERSION="${RIPGREP_PKG_VERSION:-1.15.11}"

if [[ -f "$STAMP" && -f "$ENTRY" ]]; then
  echo "code-server $VERSION already installed in $DEST"
  exit 0
fi
if [[ "$NODE_MAJOR" != 20 && "$VERSION" == 4.100.* ]]; then
  echo "code-server $VERSION needs Node 20 (found $(node -v))" >&2
  exit 1
fi

# 1. Debian packages: toolchain and krb5 headers for the native modules (kerberos, node-pty,
#    spdlog…), ripgrep (replaces @vscode/ripgrep's GitHub download), chromium (Playwright).
missing=()
for p in build-essential python3 pkg-config libkrb5-dev ripgrep chromium; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ "$(id -u)" != 0 ]]; then echo "missing Debian packages (install them as root): ${missing[*]}" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. Seed @vscode/ripgrep's download cache ($TMPDIR/vscode-ripgrep-cache-<ver>/) with Debian's rg:
#    its postinstall then says "Using cached download" and never contacts GitHub.
WORK_TMP="$(mktemp -d)"
trap 'rm -rf "$WORK_TMP"' EXIT
RG_CACHE="$WORK_TMP/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
case "$(uname -m)" in
  x86_64) RG_TARGET=x86_64-unknown-linux-musl ;;
  aarch64) RG_TARGET=aarch64-unknown-linux-musl ;;
  *) echo "unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac
mkdir -p "$RG_CACHE"
tar czhf "$RG_CACHE/ripgrep-v13.0.0-10-$RG_TARGET.tar.gz" -C "$(dirname "$(command -v rg)")" rg

# node-gyp must build against the installed Node's headers (its default downloads them).
NODE_PREFIX="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
if [[ -f "$NODE_PREFIX/include/node/node.h" ]]; then export npm_config_nodedir="$NODE_PREFIX"; fi

# 3. npm install into a private prefix:
#    npm_config_unsafe_perm=true  code-server's postinstall.sh refuses to run as root without it
#    npm_config_yes=true          node-pty's postinstall runs `npx node-gyp`; a ~/.npmrc with
#                                 yes=false would make npx cancel instead of fetching it
#    TMPDIR                       makes @vscode/ripgrep find the seeded cache
rm -rf "$DEST"
mkdir -p "$DEST"
cat > "$DEST/package.json" <<JSON
{ "name": "vscode-harness-code-server", "private": true,
  "allowScripts": { "code-server": true, "argon2": true } }
JSON
start=$SECONDS
(
  cd "$DEST"
  npm_config_unsafe_perm=true npm_config_yes=true TMPDIR="$WORK_TMP" \
    npm install --no-audit --no-fund --loglevel=error "code-server@$VERSION"
)
test -x "$DEST/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
# even --version writes ~/.local/share/code-server/coder-logs: keep XDG dirs in the temp dir
XDG_DATA_HOME="$WORK_TMP" XDG_CONFIG_HOME="$WORK_TMP" node "$ENTRY" --version >/dev/null
touch "$STAMP"
echo "code-server $VERSION installed in $DEST in $((SECONDS - start)) s ($(du -sh "$DEST" | cut -f1))"
