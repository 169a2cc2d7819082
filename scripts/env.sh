# Sourced by the scripts: the tools scripts/setup installs, on PATH.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Otherwise a geckodriver on PATH may win (see ../shared/TOOLCHAIN.md).
export CHROMEDRIVER=/usr/bin/chromedriver
