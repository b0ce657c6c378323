# Makes Debian's Chromium and its driver available for the browser tests and exports
# ROLLCALL_CHROME_BINARY / ROLLCALL_CHROMEDRIVER. Nothing is downloaded outside the package manager.
# Source it after common.sh.
ensure_chromium() {
  local bin driver
  bin="${ROLLCALL_CHROME_BINARY:-$(command -v chromium || command -v chromium-browser || true)}"
  driver="${ROLLCALL_CHROMEDRIVER:-$(command -v chromedriver || true)}"
  if [ -z "$bin" ] || [ -z "$driver" ]; then
    apt_install chromium chromium-driver \
      || die "Chromium and chromedriver are needed for the browser tests: install the Debian packages chromium and chromium-driver (needs root), or set ROLLCALL_CHROME_BINARY and ROLLCALL_CHROMEDRIVER."
    bin=$(command -v chromium); driver=$(command -v chromedriver)
  fi
  [ -x "$bin" ] && [ -x "$driver" ] || die "Chromium ($bin) or chromedriver ($driver) is not executable."
  export ROLLCALL_CHROME_BINARY="$bin" ROLLCALL_CHROMEDRIVER="$driver"
}
